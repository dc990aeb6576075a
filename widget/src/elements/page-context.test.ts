import { afterEach, describe, expect, it } from 'vitest';
import { headingLevel, workshopsShownOnPage } from './page-context.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('headingLevel', () => {
  it('takes one level below the last heading before the element', () => {
    document.body.innerHTML =
      '<h1>Blog</h1><section><h2>Upcoming</h2><lectern-workshops></lectern-workshops></section><h2>Later</h2>';
    expect(headingLevel(document.querySelector('lectern-workshops')!)).toBe(3);
  });

  it('uses h2 when no heading comes before, and never goes past h6', () => {
    document.body.innerHTML = '<lectern-workshops></lectern-workshops><h1>After</h1>';
    expect(headingLevel(document.querySelector('lectern-workshops')!)).toBe(2);
    document.body.innerHTML = '<h6>Deep</h6><lectern-workshops></lectern-workshops>';
    expect(headingLevel(document.querySelector('lectern-workshops')!)).toBe(6);
  });

  it('lets heading-level win, and ignores a value that is not 1–6', () => {
    document.body.innerHTML = '<h1>Page</h1><lectern-workshops heading-level="4"></lectern-workshops>';
    expect(headingLevel(document.querySelector('lectern-workshops')!)).toBe(4);
    document.querySelector('lectern-workshops')!.setAttribute('heading-level', '9');
    expect(headingLevel(document.querySelector('lectern-workshops')!)).toBe(2);
  });
});

it('lists the workshops <lectern-workshop> elements show on the page', () => {
  document.body.innerHTML =
    '<lectern-workshop workshop="ws_a"></lectern-workshop><lectern-workshop></lectern-workshop><lectern-workshops></lectern-workshops>';
  expect([...workshopsShownOnPage()]).toEqual(['ws_a']);
});
