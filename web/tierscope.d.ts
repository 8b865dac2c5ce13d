// Types of the tierscope JS API (tierscope.mjs). The report shape is docs/report.md's contract.

export type Severity = 'error' | 'warning' | 'info';
export type InputFormat = 'list' | 'install-url' | 'app-hsmeta' | 'public-app' | 'private-app' | 'fields';
export type ProfileStatus = 'installs' | 'permission-error' | 'invalid-scope' | 'uncertain';
export type Hub = 'marketing' | 'sales' | 'service' | 'content' | 'data' | 'commerce';
export type Tier = 'free' | 'starter' | 'professional' | 'enterprise';
export type Feature = 'website_addon' | 'transactional_email_addon' | 'business_units_addon' | 'sensitive_data';
export type ProfileId =
  | 'free'
  | `${Hub}-${Exclude<Tier, 'free'>}`;
export type DiagnosticCode =
  | 'unknown-scope' | 'retired-scope' | 'deprecated-scope' | 'alias' | 'duplicate-scope'
  | 'conflicting-kinds' | 'undocumented-availability' | 'secondary-source' | 'missing-oauth'
  | 'empty-request' | 'unrecognized-url' | 'static-auth-optional';
export type SuggestionAction = 'replace' | 'remove' | 'add' | 'make-optional';
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
  /** One of the 19 standard profiles, or "custom" for options.account. */
  id: ProfileId | 'custom';
  name: string;
  /** null for free (and for a custom account). */
  hub: Hub | null;
  tier: Tier;
  status: ProfileStatus;
  /** Requested required/conditional scopes this account lacks. */
  missing: string[];
  /** Scopes the token gets (empty unless installs/uncertain). */
  granted: string[];
  /** Optional scopes this account lacks (empty unless installs/uncertain). */
  dropped: string[];
  /** Requested scopes (any kind) with undocumented availability. */
  unverified: string[];
}

export interface ReportSuggestion {
  action: 'make-optional';
  scopes: string[];
  /** Profile ids that would install after the change. */
  unlocks: string[];
  /** Configurations (of 65,536) that would install after the change. */
  combinations: number;
}

export interface Coverage {
  profiles: { installs: number; uncertain: number; total: number };
  combinations: { installs: number; total: number };
  /** Installing configurations among the 16,384 with that hub at that tier. */
  by_hub: Record<Hub, Record<Tier, number>>;
  /** Installing configurations among the 32,768 with the feature off / on. */
  by_feature: Record<Feature, { off: number; on: number }>;
}

export interface Report {
  tool: { name: 'tierscope'; version: string };
  catalog: CatalogInfo;
  input: {
    format: InputFormat;
    app_name: string | null;
    /** install-url only: app.hubspot.com | app-eu1.hubspot.com | another host. */
    host: string | null;
    /** install-url only: the account-pinned path's id, as a string. */
    account_id: string | null;
    without_conditional: boolean;
  };
  request: ScopeRequest;
  /** Errors first, then warnings, then info; otherwise input order. */
  diagnostics: Diagnostic[];
  /** The 19 standard profiles in order (or those kept by options.profiles). */
  profiles: Profile[];
  coverage: Coverage;
  suggestions: ReportSuggestion[];
  /** Only with options.account: one profile object, id "custom". */
  account: Profile | null;
}

export interface ParseResult {
  format: InputFormat;
  request: ScopeRequest;
  diagnostics: Diagnostic[];
}

export interface CatalogInfo {
  as_of: string;
  scopes: number;
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
  requires: Requirement;
  confidence: 'documented' | 'documented-name' | 'secondary' | 'unverified' | string;
  source: string;
  sensitive: boolean;
  deprecated: boolean;
  replaced_by: string[];
  label?: string | null;
  group?: string | null;
}

export interface Account {
  /** Hubs left out are free. */
  hubs?: Partial<Record<Hub, Tier>>;
  features?: Feature[];
}

export interface CheckOptions {
  /** Evaluate without the conditionally required scopes (as the CLI's --without-conditional). */
  withoutConditional?: boolean;
  /** Also evaluate one specific account; the report's `account` is then a profile with id "custom". */
  account?: Account;
  /** Profile rows to keep (default: all 19). */
  profiles?: ProfileId[];
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
  readonly catalog: Readonly<CatalogInfo>;
  /** Evaluates the input for every standard profile. Throws TierscopeError on unreadable input. */
  check(input: CheckInput, options?: CheckOptions): Report;
  /** Same as check() but the exact JSON text (2-space indent, no trailing newline). */
  checkJson(input: CheckInput, options?: CheckOptions): string;
  /** Reads the input without evaluating it. */
  parse(text: string | Uint8Array | ArrayBuffer): ParseResult;
  /** Catalog entries whose name, area or tier text contains filter (case-insensitive; none = all). */
  scopes(filter?: string): ScopeEntry[];
  /** A report (object or JSON text) as a Markdown summary for pull requests. */
  markdown(report: Report | string): string;
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
