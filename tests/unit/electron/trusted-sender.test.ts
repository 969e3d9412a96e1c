import { describe, expect, it } from 'vitest';
import { isAllowedExternal, isTrustedSender } from '../../../electron/main/trusted-sender';

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app bundle', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/index.html#/accounts/C1', isMainFrame: true })).toBe(true);
  });

  it('refuses sub-frames, other origins and missing frames', () => {
    expect(isTrustedSender({ url: 'app://bundle/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://bundle.evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('opens only allow-listed links in the system browser', () => {
    expect(isAllowedExternal('https://github.com/example/account-health/issues')).toBe(true);
    expect(isAllowedExternal('http://github.com/')).toBe(false);
    expect(isAllowedExternal('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });
});
