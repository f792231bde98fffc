// Calls GovFlow's designer API with the session and Spring Security's CSRF cookie; problem+json errors become
// ApiError with the Vietnamese or English message and any `problems` the server attached.
import { lang } from './i18n.js';

export const API = '/api/v1/designer';

export class ApiError extends Error {
  constructor(status, problem) {
    super(pick(problem) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
    this.problems = (problem && problem.problems) || [];
  }
}

function pick(problem) {
  if (!problem) {
    return null;
  }
  if (lang() === 'en' && problem.detailEn) {
    return problem.detailEn;
  }
  return problem.detail || problem.title;
}

function csrf() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export async function call(method, path, body) {
  // The page's language (the person's choice, else Vietnamese): without a choice the API would otherwise follow the
  // browser's Accept-Language, and a Vietnamese page would get English templates and messages.
  const headers = { 'Accept': 'application/json, application/problem+json', 'Accept-Language': lang() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    const token = csrf();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  const res = await fetch(path.startsWith('/') ? path : API + '/' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    throw new ApiError(res.status, data);
  }
  return data;
}

export const get = (p) => call('GET', p);
export const post = (p, b) => call('POST', p, b === undefined ? {} : b);
export const put = (p, b) => call('PUT', p, b);

export function query(params) {
  const q = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v)).join('&');
  return q ? '?' + q : '';
}
