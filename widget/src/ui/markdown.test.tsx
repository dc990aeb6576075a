import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.tsx';

function html(source: string): HTMLElement {
  const host = document.createElement('div');
  render(<Markdown source={source} />, host);
  return host;
}

describe('Markdown (safe subset)', () => {
  it('renders paragraphs, emphasis, code, lists and safe links', () => {
    const el = html(
      'Bring a **sharp** knife and *patience*, see `notes`.\n\n- flour\n- water\n\n1. mix\n2. wait\n\n[recipe](https://example.org/r)',
    );
    expect(el.querySelector('strong')?.textContent).toBe('sharp');
    expect(el.querySelector('em')?.textContent).toBe('patience');
    expect(el.querySelector('code')?.textContent).toBe('notes');
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['flour', 'water']);
    expect([...el.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['mix', 'wait']);
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.org/r');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('never turns text into markup', () => {
    const el = html('<script>alert(1)</script> <img src=x onerror=alert(1)> **<b>bold</b>**');
    expect(el.querySelector('script, img, b')).toBeNull();
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.querySelector('strong')?.textContent).toBe('<b>bold</b>');
  });

  it('keeps unsafe link targets as plain text', () => {
    const el = html('[click](javascript:alert(1)) and [data](data:text/html,hi)');
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('[click](javascript:alert(1))');
  });
});
