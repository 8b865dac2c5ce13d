// Types of the tierscope JS API (tierscope.mjs). The report shape is docs/report.md's contract.

export type Severity = 'error' | 'warning' | 'info';
/** Field inputs ({required, ...}) report "list", or "install-url" when they carry a url; checkPair reports
 *  "config+url" (an app config checked with its install URL; the request is the URL's scopes). */
export type InputFormat = 'list' | 'install-url' | 'config+url' | 'app-hsmeta' | 'public-app' | 'private-app' | 'connector' | 'json-scopes';
/** Why a line of a pasted list gave no scope (docs/report.md, "Pasted lists"). */
export type IgnoredReason = 'comment' | 'commented out' | 'heading' | 'prose' | 'not a scope name' | 'other setting' |
  'not a scope list' | 'words beside a scope' | 'more ignored lines';
/** url-mismatch / insufficient-scopes only from checkPair (an app config and its install URL).
 *  unknown-scope: a well-formed name the catalog lacks (maybe newer than it); invalid-scope: a name HubSpot
 *  is known to reject (retired, outside the scope grammar, a placeholder, commas). */
export type ProfileStatus = 'installs' | 'permission-error' | 'invalid-scope' | 'unknown-scope' | 'uncertain' | 'url-mismatch' | 'insufficient-scopes';
/** The account model comes from the catalog (ts.catalog): these are the built-in catalog's ids. */
export type Hub = 'marketing' | 'sales' | 'service' | 'content' | 'data' | 'commerce' | 'smart_crm' | (string & {});
export type Tier = 'free' | 'starter' | 'professional' | 'enterprise' | (string & {});
export type Feature = 'website_addon' | 'transactional_email_addon' | 'business_units_addon' | 'sensitive_data' | (string & {});
export type ProfileId =
  | 'free'
  | `${Hub}-${Exclude<Tier, 'free'>}`;
export type DiagnosticCode =
  | 'unknown-scope' | 'retired-scope' | 'deprecated-scope' | 'alias' | 'duplicate-scope'
  | 'conflicting-kinds' | 'undocumented-availability' | 'secondary-source' | 'sources-disagree' | 'missing-oauth'
  | 'empty-request' | 'unrecognized-url' | 'static-auth-optional' | 'comma-separated' | 'url-config-mismatch' | 'bad-encoding'
  | 'url-placeholder' | 'placeholder-in-scope' | 'conflicting-keys' | 'single-account-app' | 'unknown-auth-type'
  // calls() only
  | 'bad-line' | 'other-hosts' | 'truncated-har' | 'too-many-calls' | 'no-calls' | 'unmatched-call' | 'generic-object'
  | 'unknown-object' | 'no-oauth-scope' | 'beta-operation' | 'other-version' | 'method-assumed' | 'greedy-search' | 'tier-limited'
  | 'query-data-scopes' | 'unused-uncertain' | 'read-only-object' | 'retired-api' | 'retiring-api';
export type SuggestionAction = 'replace' | 'remove' | 'add' | 'make-optional'
  | 'add-to-scope' | 'remove-from-url' | 'move-to-scope' | 'move-to-optional-scope' | 'use-spaces';
/** Error.code of a thrown Error. */
export type ErrorCode = 'parse-error' | 'input-too-large' | 'bad-options' | 'internal-error';

export interface Suggestion {
  action: SuggestionAction;
  scopes: string[];
}

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** The scope as given, or null. */
  scope: string | null;
  message: string;
  suggestion: Suggestion | null;
}

/** Canonical names (aliases resolved), deduplicated, sorted. */
export interface ScopeRequest {
  required: string[];
  conditional: string[];
  optional: string[];
}

export interface Profile {
  /** One of the catalog's standard profiles (22 in the built-in one), or "custom" for options.account. */
  id: ProfileId | 'custom';
  name: string;
  /** null for free and for the custom account. */
  hub: Hub | null;
  /** null for the custom account. */
  tier: Tier | null;
  status: ProfileStatus;
  /** Requested required/conditional scopes this account lacks. */
  missing: string[];
  /** Scopes the token gets (empty unless installs/uncertain); absent with the `lean` option. */
  granted: string[];
  /** Optional scopes this account lacks (empty unless installs/uncertain). */
  dropped: string[];
  /** Requested scopes (any kind) with undocumented availability. */
  unverified: string[];
  /** Requested scopes (any kind) whose deciding sources disagree on this account: one grants it, another not. */
  disputed: string[];
}

export interface ReportSuggestion {
  /** remove-or-rename (unknown or retired names) comes first; the others count as if those names were gone.
   *  A static-auth app gets remove and switch-to-oauth, never make-optional. */
  action: 'remove-or-rename' | 'make-optional' | 'remove' | 'switch-to-oauth';
  scopes: string[];
  /** remove-or-rename only: per name, the sure fix or the spelling guesses (a retired name: its successors). */
  did_you_mean?: Record<string, string[]>;
  /** Profile ids that would install after the change. */
  unlocks: string[];
  /** Configurations (of coverage.combinations.total) that would install after the change. */
  combinations: number;
}

export interface Coverage {
  profiles: { installs: number; uncertain: number; total: number };
  /** installs: every source grants every blocking scope (unverified ones count as available);
   *  disputed: at least one source grants each, but not every source all of them. total: 196,608 built in. */
  combinations: { installs: number; disputed: number; total: number };
  /** Installing configurations among those with that hub at that tier (total / the hub's sold tiers);
   *  keys: the tiers HubSpot sells of the hub (commerce has no starter key). */
  by_hub: Record<Hub, Partial<Record<Tier, number>>>;
  /** Installing configurations among those with the feature off / on (total / 2). */
  by_feature: Record<Feature, { off: number; on: number }>;
}

export interface Report {
  tool: { name: 'tierscope'; version: string };
  catalog: CatalogInfo;
  input: {
    format: InputFormat;
    app_name: string | null;
    /** install-url and config+url only: the URL's app.hubspot.com | app-eu1.hubspot.com | another host. */
    host: string | null;
    /** install-url and config+url only: the account-pinned path's id, as a string. */
    account_id: string | null;
    without_conditional: boolean;
    /** list only: lines with text but no scope read, and why (1-based lines of the text as given). */
    ignored: Array<{ line: number; reason: IgnoredReason }>;
    /** connector | json-scopes: the JSON path of the scope list read. */
    json_path: string | null;
  };
  request: ScopeRequest;
  /** Errors first, then warnings, then info; otherwise input order. */
  diagnostics: Diagnostic[];
  /** The catalog's standard profiles in order (or those kept by options.profiles). */
  profiles: Profile[];
  coverage: Coverage;
  suggestions: ReportSuggestion[];
  /** One per uncertain profile: the test account that settles it and the install URL to try there. */
  verify: VerifyPlan[];
  /** Only with options.account: the profile of that account, id "custom". */
  account: AccountProfile | null;
  /** Only from checkPair. */
  url_check: UrlCheck | null;
}

export interface AccountProfile extends Profile {
  id: 'custom';
  hub: null;
  tier: null;
  /** The account as evaluated: all six hubs (left-out ones free) and its features. */
  account: { hubs: Record<Hub, Tier>; features: Feature[] };
}

export interface UrlCheck {
  ok: boolean;
  /** RULES.md rules (1-7) the install URL breaks. */
  rules_failed: number[];
  /** The install URL that matches the config, or null. */
  fixed_url: string | null;
}

export interface CoverageCount {
  profiles: number;
  uncertain: number;
  combinations: number;
}

export interface BuildUrlsOptions {
  clientId?: string;
  redirectUri?: string;
  /** app-eu1.hubspot.com instead of app.hubspot.com. */
  eu?: boolean;
  /** An account-pinned URL (/oauth/{accountId}/authorize). */
  accountId?: string;
}

export interface BuildUrlsResult {
  app_name: string | null;
  /** The redirect_uri the URLs carry: options.redirectUri, else the config's first redirectUrls entry; null = placeholder. */
  redirect_uri: string | null;
  urls: Array<{
    label: string;
    scopes: string[];
    optional_scopes: string[];
    url: string;
    /** Standard profiles (of the catalog's) that install with this URL. */
    installs_profiles: number;
    combinations: number;
  }>;
  diagnostics: Diagnostic[];
}

export interface MigrateResult {
  tool: Report['tool'];
  catalog: CatalogInfo;
  input: { format: InputFormat };
  scopes: Array<{ scope: string; status: string; replaced_by: string[]; note: string }>;
  migrated: ScopeRequest;
  profiles: Array<{ id: ProfileId; name: string; oauth1: string; oauth2: ProfileStatus | string; missing: string[] }>;
  coverage: { oauth1: { profiles: number; combinations: number }; oauth2: CoverageCount };
  recommendation: { required: string[]; optional: string[]; coverage: CoverageCount };
  diagnostics: Diagnostic[];
}

export interface DiffResult {
  tool: Report['tool'];
  catalog: CatalogInfo;
  added: ScopeRequest;
  removed: ScopeRequest;
  changed_kind: Array<{ scope: string; from: 'required' | 'conditional' | 'optional'; to: 'required' | 'conditional' | 'optional' }>;
  /** Whether existing installs must re-authorize. */
  reauthorize: boolean;
  reauthorize_note: string;
  profiles: Array<{ id: ProfileId; name: string; before: ProfileStatus; after: ProfileStatus; missing: string[] }>;
  coverage: { before: CoverageCount; after: CoverageCount };
  diagnostics: Diagnostic[];
}

export interface ParseResult {
  format: InputFormat;
  app_name: string | null;
  request: ScopeRequest;
  diagnostics: Diagnostic[];
}

export interface CatalogInfo {
  as_of: string;
  scopes: number;
}

/** ts.catalog: the catalog and its account model (docs/report.md "Account model"). */
export interface CatalogModel extends CatalogInfo {
  /** The product of each hub's sold tiers x 2^features (196,608 built in: no Revenue Hub Starter). */
  configurations: number;
  tiers: Array<{ id: Tier; name: string }>;
  /** tiers: the ids of the tiers HubSpot sells of the hub (lowest first; commerce: no 'starter'). */
  hubs: Array<{ id: Hub; name: string; tiers: Tier[] }>;
  features: Array<{ id: Feature; name: string }>;
  /** The standard profiles in report order; hub null for free, tier the lowest for free. */
  profiles: Array<{ id: ProfileId; name: string; hub: Hub | null; tier: Tier | null }>;
}

/** observed: an install tried on a test account; docs-guide: a dated HubSpot guide or changelog post. */
/** `hs test-account create --config-path FILE` input: every level written out (hs makes a missing one ENTERPRISE). */
export interface HsTestAccount {
  accountName: string;
  marketingLevel: HsLevel; salesLevel: HsLevel; serviceLevel: HsLevel;
  contentLevel: HsLevel; opsLevel: HsLevel; commerceLevel: HsLevel;
}
export type HsLevel = 'FREE' | 'STARTER' | 'PROFESSIONAL' | 'ENTERPRISE';
export interface VerifyPlan {
  profile: ProfileId;
  /** null where hs cannot create the profile (Smart CRM: hs has no level for it): `note` says so. */
  hs_test_account: HsTestAccount | null;
  /** The request as an install URL (YOUR_CLIENT_ID / YOUR_REDIRECT_URI to fill in). */
  install_url: string;
  note: string | null;
}

export type EvidenceKind = 'observed' | 'docs-table' | 'docs-guide' | 'api-spec' | 'docs-text' | 'secondary';

/** One source's statement about a scope's tier. */
export interface Evidence {
  /** A short human name of the source. */
  source: string;
  kind: EvidenceKind;
  requires: Requirement;
  as_of: string | null;
  url: string | null;
  note: string | null;
  /** Whether it counts for the verdict (the catalog's evidence rule: HubSpot's own kinds decide; a
   *  secondary source only when HubSpot says nothing; a beta spec file never). */
  decides: boolean;
}

/** A requirement: "any", null (undocumented), or alternatives (OR) of conditions (AND). */
export type Requirement =
  | 'any'
  | null
  | Array<Array<{ hub: Hub | 'any'; min_tier: Tier } | { feature: Feature | string }>>;

export interface ScopeEntry {
  name: string;
  area: string;
  tier_text: string;
  /** Where every deciding source grants it (null: no source decides). */
  requires: Requirement;
  /** Where at least one deciding source grants it (= requires when they agree). */
  requires_any_source: Requirement;
  /** The strongest kind of deciding evidence, or unverified. */
  confidence: EvidenceKind | 'unverified';
  evidence: Evidence[];
  sensitive: boolean;
  deprecated: boolean;
  replaced_by: string[];
  label?: string | null;
  group?: string | null;
}

export interface Account {
  /** Hubs left out are at the lowest tier (free). Ids from ts.catalog.hubs, e.g. {smart_crm: 'enterprise'}. */
  hubs?: Partial<Record<Hub, Tier>>;
  features?: Feature[];
}

export interface CheckOptions {
  /** Evaluate without the conditionally required scopes (as the CLI's --without-conditional). */
  withoutConditional?: boolean;
  /** Also evaluate one specific account; the report's `account` is then a profile with id "custom". */
  account?: Account;
  /** Profile rows to keep (default: all). */
  profiles?: ProfileId[];
  /** Leave out every profile's `granted` list (most of a long request's report) and the work of making it. */
  lean?: boolean;
}

/** A scope list is an array of names or one string of names (spaces, commas, newlines). */
export type ScopeList = string[] | string;

export interface CheckFields {
  required?: ScopeList;
  conditional?: ScopeList;
  optional?: ScopeList;
  /** An install URL whose scope / optional_scope parameters are read as well. */
  url?: string;
}

/**
 * What check() reads: text a user pastes (scope list, install URL, app-hsmeta.json, public-app.json,
 * private app.json; auto-detected), its raw bytes, or separate fields.
 */
export type CheckInput = string | Uint8Array | ArrayBuffer | CheckFields;

/** Thrown for input that cannot be read; message is the CLI's message without "tierscope: ". */
export interface TierscopeError extends Error {
  code: ErrorCode;
}

export interface Tierscope {
  /** Core version, e.g. "0.1.0". */
  readonly version: string;
  readonly catalog: Readonly<CatalogModel>;
  /** Evaluates the input for every standard profile. Throws TierscopeError on unreadable input. */
  check(input: CheckInput, options?: CheckOptions): Report;
  /** Same as check() but the exact JSON text (2-space indent, no trailing newline). */
  checkJson(input: CheckInput, options?: CheckOptions): string;
  /**
   * An app config and its install URL checked against each other (RULES.md rules 1-7): the report
   * for the URL with the config's kinds, url-config-mismatch diagnostics and url_check.
   */
  checkPair(config: string | Uint8Array | ArrayBuffer, url: string, options?: CheckOptions): Report;
  /** Same as checkPair() but the exact JSON text. */
  checkPairJson(config: string | Uint8Array | ArrayBuffer, url: string, options?: CheckOptions): string;
  /** Correct install URLs for an app config. */
  buildUrls(config: string | Uint8Array | ArrayBuffer, options?: BuildUrlsOptions): BuildUrlsResult;
  /** An OAuth 1-era scope list: replacements, who could approve it then and who gets a permission error now. */
  migrate(text: string | Uint8Array | ArrayBuffer): MigrateResult;
  /** Two inputs (before and after an app update): added/removed scopes, re-authorization, status changes. */
  diff(before: string | Uint8Array | ArrayBuffer, after: string | Uint8Array | ArrayBuffer, options?: CheckOptions): DiffResult;
  /** Reads the input without evaluating it. */
  parse(text: string | Uint8Array | ArrayBuffer): ParseResult;
  /** Catalog entries whose name, area or tier text contains filter (case-insensitive; none = all). */
  scopes(filter?: string): ScopeEntry[];
  /**
   * The API calls an app makes (lines of `METHOD /path`, URLs, or a HAR file; auto-detected) -> the
   * scopes each call needs, the least-privilege set and its check report; with the app's config (or
   * install URL, or scope list) also `unused` and `uncovered`. Asynchronous: the first call imports
   * the calls module (tierscope-calls.mjs + .wasm, beside tierscope.mjs or where locateFile says).
   */
  calls(text: string | Uint8Array | ArrayBuffer, config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): Promise<CallsReport>;
  /** Same as calls() but the exact JSON text (the CLI's `tierscope calls FILE [CONFIG] --format json`). */
  callsJson(text: string | Uint8Array | ArrayBuffer, config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): Promise<string>;
  /**
   * A HAR file of any size read in pieces (e.g. each chunk of `File.stream()`), never held whole: feed()
   * each piece in order, then finish() gives what calls() gives for the whole file (`input.format`
   * "har", positions in bytes); finish() again with another config answers for the same calls. Only
   * each request's method and URL (without its query) are kept. feed() throws (code `parse-error`) as
   * soon as the text is not a HAR, and the reader is closed. close() frees it (wasm memory).
   */
  callsHarReader(): Promise<CallsHarReader>;
  /** A report (object or JSON text) as a Markdown summary for pull requests. */
  markdown(report: Report | string): string;
  /**
   * A HubSpot error text (install page in English, French, German, Spanish, Portuguese, Dutch,
   * Swedish or Japanese; redirect error query; API 403 body as JSON, repr, log line or HTTP response;
   * hs CLI message) or a token's info -> cause, scopes, explanation and fix; with the app's config,
   * the fix applied to it and its check report after the fix (`report`). The CLI's
   * `tierscope explain FILE [CONFIG] --format json`. Asynchronous: like calls(), the first call imports
   * the calls module (tierscope-calls.mjs + .wasm), which carries explain and HubSpot's wordings.
   */
  explain(text: string | Uint8Array | ArrayBuffer, config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): Promise<ExplainResult>;
  /** Same as explain() but the exact JSON text. */
  explainJson(text: string | Uint8Array | ArrayBuffer, config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): Promise<string>;
  /** The HubSpot error wordings explain() recognises (data/hubspot-errors.json). */
  errorWordings(): Promise<ErrorWordings>;
  /**
   * A HubSpot developer project (hsproject.json, its app config, cards, webhooks, workflow actions,
   * functions and their JS/TS/Python code) -> its features and the scopes they imply, findings with
   * file, line and JSON path, the check report of its request, the calls found in its code and the
   * least-privilege auth block. The CLI's `tierscope check DIR --format json`. Asynchronous: the
   * calls module carries it. The files may be a whole folder: what the CLI's walk leaves out is left
   * out (node_modules, .git, dist, build, .hs-build, .hs-cache, __pycache__, .venv; package-lock.json;
   * files over 1 MiB; anything but .json and .js/.jsx/.ts/.tsx/.mjs/.cjs/.py). At most 64 MiB together.
   */
  checkProject(files: ProjectFiles, options?: CheckOptions): Promise<ProjectReport>;
  /** Same as checkProject() but the exact JSON text. */
  checkProjectJson(files: ProjectFiles, options?: CheckOptions): Promise<string>;
  /** Two versions of a project -> uninstalling changes, feature changes, diff of the requests (`tierscope diff DIR DIR`). */
  diffProjects(before: ProjectFiles, after: ProjectFiles, options?: CheckOptions): Promise<ProjectDiff>;
  /** Same as diffProjects() but the exact JSON text. */
  diffProjectsJson(before: ProjectFiles, after: ProjectFiles, options?: CheckOptions): Promise<string>;
  /** The HubSpot API calls found in the JS/TS/Python files (`tierscope calls --scan DIR [CONFIG]`): a calls report, each call with file and line. */
  scanCalls(files: ProjectFiles, config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): Promise<ScannedCallsReport>;
  /** Same as scanCalls() but the exact JSON text. */
  scanCallsJson(files: ProjectFiles, config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): Promise<string>;
}

/** A project's files: {path: text} or [{path, text}]; paths relative to the project folder, '/' between folders; text a string or UTF-8 bytes. */
export type ProjectFiles = Record<string, string | Uint8Array | ArrayBuffer> | Array<{ path: string; text: string | Uint8Array | ArrayBuffer }>;

/** A project finding (docs/report.md "The project report"): a diagnostic with where it is. */
export interface ProjectDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  scope: string | null;
  message: string;
  suggestion: { action: string; scopes: string[] } | null;
  /** Relative to the project folder, or null. */
  file: string | null;
  line: number | null;
  /** The JSON path in that file (config.objectTypes[0]), or null. */
  path: string | null;
}

export interface ProjectApp {
  file: string;
  format: InputFormat;
  uid: string | null;
  name: string | null;
  distribution: string | null;
  auth_type: string | null;
  /** true: a 2023.x app.json/public-app.json whose auth type and distribution follow from its format. */
  derived: boolean;
  is_user_level: boolean;
}

export interface ProjectFeature {
  kind: 'card' | 'webhooks' | 'workflow-action' | 'app-function' | 'settings';
  uid: string | null;
  file: string;
  line: number;
  path: string | null;
  objects: string[];
  implies: Array<{ scope: string; category: 'required' | 'optional'; object: string; path: string }>;
}

/** ts.checkProject() (docs/report.md "The project report"). */
export interface ProjectReport {
  schema_version: number;
  tool: Report['tool'];
  catalog: CatalogInfo;
  project: { name: string | null; file: string; platform_version: string | null; platform_version_known: boolean; src_dir: string; app: ProjectApp | null };
  features: ProjectFeature[];
  implied_scopes: Array<{ scope: string; category: 'required' | 'optional'; features: string[] }>;
  diagnostics: ProjectDiagnostic[];
  /** The check report of the app's request; null when no app config was read (never a verdict then). */
  check: Report | null;
  /** The calls found in the code, against the app config (unused leaves out what the features need); null: no code. */
  calls: ScannedCallsReport | null;
  /** The least-privilege auth block to paste; null without code. */
  least_privilege_auth: { requiredScopes: string[]; optionalScopes: string[] } | null;
}

/** ts.scanCalls(): a calls report whose calls say where they were found. */
export interface ScannedCallsReport extends Omit<CallsReport, 'input' | 'calls' | 'uncovered'> {
  input: Omit<CallsReport['input'], 'format'> & { format: 'source'; files: number };
  calls: Array<CallResult & { file: string; via: 'literal' | 'client'; client_method: string | null }>;
  uncovered: Array<NonNullable<CallsReport['uncovered']>[number] & { file: string }> | null;
  /** The client-method tables used: package and version of each. */
  clients: { javascript: { package: string; version: string | null }; python: { package: string; version: string | null } };
}

/** ts.diffProjects() (docs/report.md "The project diff"). */
export interface ProjectDiff {
  schema_version: number;
  tool: Report['tool'];
  catalog: CatalogInfo;
  before: { platform_version: string | null; app: ProjectApp | null };
  after: { platform_version: string | null; app: ProjectApp | null };
  /** Auth type or distribution changes: HubSpot uninstalls the app from every account. */
  warnings: ProjectDiagnostic[];
  feature_changes: Array<{ change: 'added' | 'changed' | 'removed'; kind: ProjectFeature['kind']; uid: string | null; file: string; adds_scopes: string[] }>;
  /** The after project's findings. */
  diagnostics: ProjectDiagnostic[];
  /** diff() of the two app configs; null when either has none. */
  scopes: DiffResult | null;
}

/** ts.explain(): a HubSpot error text or a token's info -> cause and fix (docs/report.md "explain"). */
export type ExplainCause = 'tier-lacks-scope' | 'url-insufficient-scopes' | 'url-scope-mismatch' | 'invalid-scope'
  | 'app-not-permitted' | 'invalid-client-id' | 'installing-user-permissions' | 'missing-scopes'
  | 'missing-object-read-scope' | 'not-public-api' | 'account-feature' | 'grant-drift' | 'unknown';
export type ExplainFormat = 'install-page' | 'redirect-query' | 'api-json' | 'api-repr' | 'api-log' | 'api-http'
  | 'hs-cli' | 'token-info' | 'text';
export type ExplainAction = 'add' | 'add-optional' | 'make-optional' | 'replace' | 'remove' | 'reauthorize' | 'fix-url'
  | 'check-names' | 'review-scopes' | 'fix-client-id' | 'ask-admin' | 'not-a-scope-problem';
export interface ExplainFix {
  action: ExplainAction;
  scopes: string[];
  why: string;
}
export interface Grant {
  granted: string[];
  /** null without a config to compare with */
  missing_required: string[] | null;
  dropped_optional: string[] | null;
  extra: string[] | null;
  reauthorize: boolean | null;
  why: string;
}
export interface ExplainResult {
  schema_version: 1;
  input: { format: ExplainFormat; language: string | null };
  /** null: token info that agrees with the config (or no config) */
  cause: ExplainCause | null;
  scopes: string[];
  match: 'any' | 'all' | null;
  explanation: string;
  fix: ExplainFix[];
  /** with a config: its check report after the fix */
  report?: Report;
  /** token info only */
  grant?: Grant;
  diagnostics: Diagnostic[];
}
/** One HubSpot wording of data/hubspot-errors.json. */
export interface ErrorWording {
  cause: ExplainCause;
  language: string;
  era: '2026' | 'older' | 'any';
  text?: string;
  find: string[];
  source: string;
  date: string;
  verified?: boolean;
  match?: 'any' | 'all';
  tool?: 'hs';
}
export interface ErrorWordings {
  format: number;
  as_of: string;
  sources: Record<string, string>;
  languages: { code: string; name: string; headline: string[]; source: string; date: string; verified: boolean }[];
  unsupported_languages: { code: string; name: string; words?: string[]; script?: string }[];
  wordings: ErrorWording[];
  redirect_codes: Record<string, ExplainCause>;
}

/** An operation of HubSpot's API spec (or of a legacy API). */
export interface ApiOperation {
  method: string;
  /** The path template, e.g. /crm/v3/objects/contacts/{contactId}. */
  path: string;
  /** The spec's API name, e.g. "CRM/Contacts". */
  api: string;
  /** v3, 2026-03, 2026-09-beta, ... */
  version: string;
  beta: boolean;
  /** A legacy (v1/v2) path the current spec no longer describes. */
  legacy: boolean;
  /** Legacy APIs (data/sources/legacy-apis.json): legacy | retiring | retired; null for current APIs. */
  status: 'legacy' | 'retiring' | 'retired' | null;
  /** The retirement date HubSpot announced (YYYY-MM-DD), or null. */
  date: string | null;
  /** Where HubSpot sends callers instead (a path), or null. */
  replacement: string | null;
}

export interface CallResult {
  /** Line (lists) or entry number (HAR), 1-based, of the call's first occurrence. */
  line: number;
  method: string;
  /** Without host, query or trailing slash; literals lower-cased. */
  path: string;
  host: string | null;
  /** How often the same method and path were given. */
  count: number;
  /** exact | type-id (0-1 read as contacts) | other-version (same path, another version) | none. */
  match: 'exact' | 'type-id' | 'other-version' | 'none';
  operation: ApiOperation | null;
  /** Object types the call names in {objectType}-like segments. */
  objects: string[];
  /** Scope sets (each: scopes needed together); any one authorizes the call. */
  alternatives: string[][];
  /** The alternative in the least-privilege set, or null. */
  chosen: string[] | null;
  /** Whether every account configuration can grant the chosen scopes (null: no scope). */
  all_tiers: boolean | null;
  problem: 'unmatched' | 'generic-object' | 'unknown-object' | 'read-only-object' | 'no-oauth-scope' | null;
  /** problem unmatched: up to 3 operations closest to the call. */
  nearest: ApiOperation[];
}

export interface CallsReport {
  tool: Report['tool'];
  catalog: CatalogInfo;
  operations: { source: string; commit: string; operations: number };
  input: {
    format: 'list' | 'har';
    calls: number;
    /** Requests to hosts other than HubSpot's API, left out. */
    other_hosts: number;
    config: { format: InputFormat; app_name: string | null } | null;
  };
  calls: CallResult[];
  least_privilege: {
    /** oauth and every chosen scope: a smallest set with which every call works where the app installs. */
    required: string[];
    /** Always empty (the tier-limited scopes are required here; see install_everywhere). */
    optional: string[];
    search: 'exact' | 'greedy';
    combinations: { all_calls: number; required: number; total: number };
    /** The second answer: tier-limited scopes optional, so the app installs everywhere; per standard
     * profile lacking one of them, the calls that get a 403 there. */
    install_everywhere: {
      required: string[];
      optional: string[];
      combinations: number;
      profiles_install: number;
      /** uncertain: the sources leave the scope's availability on that profile open (a 403 is possible). */
      calls_failing: Array<{ profile: ProfileId; calls: string[]; uncertain: boolean }>;
    };
  };
  /** With a config: requested scopes no call needs, and the standard profiles each locks out. Else null. */
  unused: Array<{ scope: string; kind: 'required' | 'conditional' | 'optional'; locks_out: ProfileId[] }> | null;
  /** With a config: calls no requested scope covers (they will get a 403). Else null. */
  uncovered: Array<{
    line: number; method: string; path: string; alternatives: string[][];
    /** Each alternative with the standard profiles that can grant it. */
    covered_by: Array<{ scopes: string[]; tiers: ProfileId[]; tiers_total: number }>;
  }> | null;
  /** With a config: requested scopes that calls on a generic object ({objectType}) may need (never "unused"). */
  may_be_needed: Array<{ scope: string; kind: 'required' | 'conditional' | 'optional'; calls: string[]; message: string }> | null;
  diagnostics: Diagnostic[];
  /** The check report of least_privilege.required. */
  report: Report;
}

export interface CreateOptions {
  /** Where tierscope.wasm is; default: beside tierscope.mjs (import.meta.url). */
  locateFile?: (path: string, base: string) => string | URL;
  /** The .wasm bytes, if you already have them (no fetch/fs then). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Emscripten's instantiateWasm hook, for full control over instantiation. */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => object | false;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

/** Loads the module (browser, worker or node ≥ 18). */
export function createTierscope(options?: CreateOptions): Promise<Tierscope>;

/** ts.callsHarReader(): one HAR file read in pieces. */
export interface CallsHarReader {
  feed(piece: string | Uint8Array | ArrayBuffer | ArrayBufferView): void;
  finish(config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): CallsReport;
  finishJson(config?: string | Uint8Array | ArrayBuffer | null, options?: CheckOptions): string;
  /** Bytes read so far. */
  readonly bytes: number;
  close(): void;
}
