import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the content security policy', () => {
  const policy = directives(contentSecurityPolicy());

  it('allows scripts and styles only from the app itself, with nothing inline or evaluated', () => {
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('allows images from the app and data URLs, and fonts only from the app', () => {
    expect(policy.get('img-src')).toBe("'self' data:");
    expect(policy.get('font-src')).toBe("'self'");
  });

  it('refuses plugins, base changes, form posts and framing by other pages', () => {
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
  });

  it('lets the browser host call its own API, and the desktop app connect nowhere', () => {
    expect(policy.get('connect-src')).toBe("'self'");
    expect(directives(contentSecurityPolicy({ allowConnectSelf: false })).get('connect-src')).toBe("'none'");
  });
});
