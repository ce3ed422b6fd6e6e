const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Gives a result's `Response` a Node `util.inspect` view without its headers: a server or proxy may echo
 * the request's `Authorization` header back, and printing a result must never show the secret
 * (SECURITY G.42). The headers stay readable through `response.headers`; `JSON.stringify` of a
 * `Response` is `{}` already. A response that cannot take the property (frozen) is left as it is.
 *
 * @example
 * hideResponseHeaders(result.response);
 * util.inspect(result); // … response: Response { status: 200, …, headers: '[hidden: 5 headers]' }
 */
export function hideResponseHeaders(response: Response): void {
  if (Object.prototype.hasOwnProperty.call(response, INSPECT)) return;
  try {
    Object.defineProperty(response, INSPECT, { value: inspectResponse, enumerable: false, configurable: true });
  } catch {
    // A frozen or exotic response object: nothing we can attach.
  }
}

function inspectResponse(this: Response, depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
  let count = 0;
  try {
    this.headers.forEach(() => {
      count++;
    });
  } catch {
    // Unreadable headers: counted as none.
  }
  const view = {
    status: this.status,
    statusText: this.statusText,
    ok: this.ok,
    url: this.url,
    redirected: this.redirected,
    bodyUsed: this.bodyUsed,
    headers: `[hidden: ${count} header${count === 1 ? '' : 's'}]`,
  };
  return `Response ${typeof inspect === 'function' ? inspect(view, { ...options, depth }) : JSON.stringify(view)}`;
}
