import { describe, expect, it } from 'vitest';
import { insertPath, liquidQueryAt, matchingPaths } from './liquid-completion';

describe('Liquid completion', () => {
  it('should find the path typed after {{, and nothing elsewhere', () => {
    expect(liquidQueryAt('Hi {{ customer.at', 17)).toEqual({ start: 6, query: 'customer.at' });
    expect(liquidQueryAt('Hi {{', 5)).toEqual({ start: 5, query: '' });
    expect(liquidQueryAt('Hi {{ x }} there', 16)).toBeNull();
    expect(liquidQueryAt('Hi customer', 11)).toBeNull();
  });

  it('should rank paths starting with the query before those containing it', () => {
    const paths = ['event.properties.cartUrl', 'customer.attributes.cart', 'customer.email'];
    expect(matchingPaths(paths, 'customer.')).toEqual(['customer.attributes.cart', 'customer.email']);
    expect(matchingPaths(paths, 'CartUrl')).toEqual(['event.properties.cartUrl']);
    expect(matchingPaths(['a.cartUrl', 'cart.x'], 'cart')).toEqual(['cart.x', 'a.cartUrl']);
    expect(matchingPaths(paths, 'nothing')).toEqual([]);
  });

  it('should insert the path and close the tag once', () => {
    expect(insertPath('Hi {{ cus', 9, 'customer.email')).toEqual({
      text: 'Hi {{ customer.email }}',
      caret: 23,
    });
    expect(insertPath('Hi {{ cus }}!', 9, 'customer.email')).toEqual({
      text: 'Hi {{ customer.email }}!',
      caret: 20,
    });
  });
});
