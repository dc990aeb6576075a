// A small single-page course site: views change with history.pushState and Lectern elements are
// created and removed as views change, the way a framework-rendered site would.
const view = document.getElementById('view');

const views = {
  courses() {
    const lessons = ['Choosing the right chart', 'Colour that carries meaning', 'Annotating for a reader'];
    view.replaceChildren(heading('Courses'), ...lessons.map((t) => card(t)));
  },
  live() {
    const el = document.createElement('lectern-workshops');
    el.setAttribute('limit', '6');
    view.replaceChildren(heading('Live sessions'), el);
  },
  tickets() {
    view.replaceChildren(heading('My tickets'), document.createElement('lectern-tickets'));
  },
};

function heading(text) {
  const h = document.createElement('h1');
  h.textContent = text;
  return h;
}

function card(text) {
  const div = document.createElement('div');
  div.className = 'lesson';
  div.textContent = text;
  return div;
}

function routeOf(pathname) {
  if (pathname.endsWith('/live')) return 'live';
  if (pathname.endsWith('/tickets')) return 'tickets';
  return 'courses';
}

function render() {
  const route = routeOf(location.pathname);
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.route === route) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  views[route]();
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link || event.metaKey || event.ctrlKey) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  render();
});
window.addEventListener('popstate', render);
render();
