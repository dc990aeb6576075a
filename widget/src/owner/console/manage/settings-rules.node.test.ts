import { describe, expect, it } from 'vitest';
import { fromPercent, parseOrigin, toPercent, weightsSumOff } from './settings-rules.ts';

describe('settings rules', () => {
  it('reduces what the owner typed to an http(s) origin, or refuses it', () => {
    expect(parseOrigin(' https://blog.example/post?x=1 ')).toBe('https://blog.example');
    expect(parseOrigin('http://localhost:4000')).toBe('http://localhost:4000');
    expect(parseOrigin('blog.example')).toBeNull();
    expect(parseOrigin('ftp://blog.example')).toBeNull();
    expect(parseOrigin('javascript:alert(1)')).toBeNull();
    expect(parseOrigin('')).toBeNull();
  });

  it('says the sum of weights that do not add up to 1', () => {
    expect(weightsSumOff({ content: 0.4, instructor: 0.3, interactivity: 0.3 })).toBeNull();
    expect(weightsSumOff({ content: 0.1, instructor: 0.2, interactivity: 0.7 })).toBeNull();
    expect(weightsSumOff({ content: 0.5, instructor: 0.5, interactivity: 0.5 })).toBe('1.5');
    expect(weightsSumOff({ content: 1.2, instructor: -0.1, interactivity: -0.1 })).toBe('1');
    expect(weightsSumOff({ content: Number.NaN, instructor: 0.5, interactivity: 0.5 })).toBe('?');
  });

  it('turns shares into percentages and back, within 0–100', () => {
    expect(toPercent(0.9)).toBe(90);
    expect(fromPercent(55)).toBe(0.55);
    expect(fromPercent(140)).toBe(1);
    expect(fromPercent(-3)).toBe(0);
  });
});
