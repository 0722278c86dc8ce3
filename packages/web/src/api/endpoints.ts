/**
 * Every API path the app calls, in one place, so that a route that moves is changed once.
 * The shapes are read from /api/openapi.json; adapters in resources.ts absorb small differences.
 */
export const endpoints = {
  session: '/api/auth/session',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  demoAccounts: '/api/auth/demo',
  demoSignIn: '/api/auth/demo/sign-in',
  people: '/api/people',
  person: (id: string) => `/api/people/${encodeURIComponent(id)}`,
  personMatches: (id: string) => `/api/people/${encodeURIComponent(id)}/matches`,
  personConsents: (id: string) => `/api/people/${encodeURIComponent(id)}/consents`,
  withdrawConsent: (id: string) => `/api/consents/${encodeURIComponent(id)}/withdraw`,
  personHistory: (id: string) => `/api/people/${encodeURIComponent(id)}/history`,
  personClose: (id: string) => `/api/people/${encodeURIComponent(id)}/close`,
  personReopen: (id: string) => `/api/people/${encodeURIComponent(id)}/reopen`,
  organisations: '/api/organisations',
  vacancies: '/api/vacancies',
  vacancy: (id: string) => `/api/vacancies/${encodeURIComponent(id)}`,
  vacancyCandidates: (id: string) => `/api/vacancies/${encodeURIComponent(id)}/candidates`,
  trainings: '/api/trainings',
  referrals: '/api/referrals',
  referral: (id: string) => `/api/referrals/${encodeURIComponent(id)}`,
  referralStatus: (id: string) => `/api/referrals/${encodeURIComponent(id)}/status`,
  taxonomySearch: '/api/taxonomy/search',
  taxonomyConcept: (uri: string) => `/api/taxonomy/concepts/${encodeURIComponent(uri)}`,
  textSuggest: '/api/text/suggest',
  importDryRun: (kind: string) => `/api/imports/${encodeURIComponent(kind)}/dry-run`,
  importCommit: (kind: string) => `/api/imports/${encodeURIComponent(kind)}`,
  me: '/api/me',
  reportSummary: '/api/reports/summary',
} as const;
