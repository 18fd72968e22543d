// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGatewayClient, GatewayError } from './client';
import { parseMetricsResponse } from '../../core/metrics';
import { parseStatusResponse } from './status';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// The page's client, at the app's own base; a test that wants another base makes its own.
const page = createGatewayClient();
const getJson: typeof page.getJson = (...args) => page.getJson(...args);
const getText: typeof page.getText = (...args) => page.getText(...args);

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

const answer = (body: string, init: ResponseInit = {}) => fetchMock.mockResolvedValueOnce(new Response(body, init));

describe('url', () => {
  it('resolves relative to the document by default', () => {
    expect(page.url('api/v1/metrics')).toBe(new URL('api/v1/metrics', document.baseURI).href);
    expect(page.url('api/v1/metrics')).toMatch(/^http:\/\/[^/]+\/api\/v1\/metrics$/);
  });

  it("resolves under the client's base", () => {
    const client = createGatewayClient('http://h/pgw/');
    expect(client.url('api/v1/metrics')).toBe('http://h/pgw/api/v1/metrics');
    expect(client.url('-/ready')).toBe('http://h/pgw/-/ready');
  });
});

describe('createGatewayClient', () => {
  it('reads the gateway at its own base; two clients share nothing', async () => {
    const one = createGatewayClient('http://h/pgw/', [{ name: 'eu', base: '-/gateways/eu/' }]);
    const other = createGatewayClient('http://other/gw/');
    expect(other.url('api/v1/metrics')).toBe('http://other/gw/api/v1/metrics');
    answer('{"status":"success","data":[]}', { status: 200 });
    await expect(other.getJsonText('api/v1/metrics')).resolves.toBe('{"status":"success","data":[]}');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('http://other/gw/api/v1/metrics');
    expect(one.url('api/v1/metrics')).toBe('http://h/pgw/api/v1/metrics');
    expect(one.onGateway('eu', 'api/v1/status')).toBe('-/gateways/eu/api/v1/status');
    expect(() => other.onGateway('eu', 'api/v1/status')).toThrow('No gateway is named "eu".');
    expect(other.onGateway(undefined, 'api/v1/status')).toBe('api/v1/status');
  });

  it('resolves relative to the document without a base', () => {
    expect(createGatewayClient().url('-/ready')).toBe(new URL('-/ready', document.baseURI).href);
  });
});

describe('getJson', () => {
  it('fetches the URL under the base, asks for JSON and returns the parsed value', async () => {
    const client = createGatewayClient('http://h/pgw/');
    answer('{"status":"success","data":[]}', { status: 200 });
    const controller = new AbortController();
    await expect(client.getJson('api/v1/metrics', parseMetricsResponse, controller.signal)).resolves.toEqual([]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('http://h/pgw/api/v1/metrics');
    expect(init?.headers).toEqual({ Accept: 'application/json' });
    expect(init?.signal).toBe(controller.signal);
  });

  it('turns a network failure into kind "network"', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await rejection(getJson('api/v1/metrics', parseMetricsResponse));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.message).toBe('Network error: could not reach the gateway for api/v1/metrics.');
    expect(error.name).toBe('GatewayError');
  });

  it('passes an abort through as it is, not as a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    fetchMock.mockRejectedValueOnce(abort);
    await expect(getJson('api/v1/metrics', parseMetricsResponse, controller.signal)).rejects.toBe(abort);
  });

  it('turns a 502 into kind "http" with the status and an excerpt of the body', async () => {
    answer('Pushboard could not reach the Pushgateway at http://gw:9091/: ECONNREFUSED\n', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    const error = await rejection(getJson('api/v1/metrics', parseMetricsResponse));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      'The gateway answered 502 Bad Gateway for api/v1/metrics: ' +
        'Pushboard could not reach the Pushgateway at http://gw:9091/: ECONNREFUSED',
    );
  });

  it('carries the Retry-After of a 429 or 503 as sent, and none when there is none', async () => {
    answer('rate limited', { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': ' 30 ' } });
    const limited = await rejection(getJson('api/v1/metrics', parseMetricsResponse));
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe('30');
    const date = 'Wed, 25 Nov 2026 20:31:05 GMT';
    answer('', { status: 503, headers: { 'Retry-After': date } });
    expect((await rejection(getJson('api/v1/metrics', parseMetricsResponse))).retryAfter).toBe(date);
    answer('', { status: 503 });
    expect((await rejection(getJson('api/v1/metrics', parseMetricsResponse))).retryAfter).toBeUndefined();
  });

  it("cuts a long error body to 200 characters of its text, without the page's markup", async () => {
    answer(`<html>${'y'.repeat(1000)}</html>`, { status: 500 });
    const error = await rejection(getJson('api/v1/metrics', parseMetricsResponse));
    expect(error.status).toBe(500);
    expect(error.message).toBe(`The gateway answered 500 for api/v1/metrics: ${'y'.repeat(200)}…`);
  });

  it('ends the message with a full stop when the error body is empty', async () => {
    answer('', { status: 404, statusText: 'Not Found' });
    const error = await rejection(getJson('api/v1/status', parseStatusResponse));
    expect(error.kind).toBe('http');
    expect(error.message).toBe('The gateway answered 404 Not Found for api/v1/status.');
  });

  it('turns a body that is not JSON into kind "json"', async () => {
    answer('<!DOCTYPE html><html><title>Pushgateway</title>', { status: 200 });
    const error = await rejection(getJson('api/v1/metrics', parseMetricsResponse));
    expect(error.kind).toBe('json');
    expect(error.message).toBe('The answer for api/v1/metrics is not valid JSON (it starts "Pushgateway").');
  });

  it('turns a wrong shape into kind "shape" with the reason', async () => {
    answer('{"status":"success","data":{}}');
    const error = await rejection(getJson('api/v1/metrics', parseMetricsResponse));
    expect(error.kind).toBe('shape');
    expect(error.message).toBe(
      'The answer for api/v1/metrics has an unexpected shape: "data" is an object, not an array.',
    );
  });

  it('lets other errors of the parser through unchanged', async () => {
    answer('{}');
    const bug = new RangeError('parser bug');
    await expect(
      getJson('x', () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});

describe('getText', () => {
  it('returns the text of a 200 and asks for plain text', async () => {
    answer('OK', { status: 200 });
    await expect(getText('-/ready')).resolves.toBe('OK');
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(new URL('-/ready', document.baseURI).href);
    expect(init?.headers).toEqual({ Accept: 'text/plain' });
  });

  it('rejects a 500 from /-/ready with its reason', async () => {
    answer('write queue is full', { status: 500, statusText: 'Internal Server Error' });
    const error = await rejection(getText('-/ready'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toBe('The gateway answered 500 Internal Server Error for -/ready: write queue is full');
  });

  it('rejects a network failure with kind "network"', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    expect((await rejection(getText('-/healthy'))).kind).toBe('network');
  });
});

describe('onGateway', () => {
  it('puts a gateway path under the named gateway, and leaves it alone with one gateway', () => {
    const { onGateway } = createGatewayClient(undefined, [
      { name: 'eu-1', base: '-/gateways/eu-1/' },
      { name: 'us-1', base: '-/gateways/us-1/' },
    ]);
    expect(onGateway('us-1', 'api/v1/status')).toBe('-/gateways/us-1/api/v1/status');
    expect(onGateway(undefined, 'api/v1/status')).toBe('api/v1/status');
    expect(() => onGateway('nowhere', 'api/v1/status')).toThrow('No gateway is named "nowhere".');
  });
});
