import { describe, expect, it } from 'vitest';
import { curlDelete } from './commands';

const at = (base: string) => (path: string) => new URL(path, base).href;

describe('curlDelete', () => {
  it('addresses the group by base64url label values, job first, then the others by name', () => {
    expect(curlDelete(at('http://gw:9091/'), { job: 'backup', instance: 'db-1' })).toBe(
      `curl -X DELETE 'http://gw:9091/metrics/job@base64/YmFja3Vw/instance@base64/ZGItMQ'`,
    );
  });
  it('keeps a slash, an empty value and a quote inside the path, under a route prefix', () => {
    expect(curlDelete(at('https://h/pgw/'), { job: "it's", path: '/var/x', empty: '' })).toBe(
      `curl -X DELETE 'https://h/pgw/metrics/job@base64/aXQncw/empty@base64/=/path@base64/L3Zhci94'`,
    );
  });
});
