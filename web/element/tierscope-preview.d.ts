// Types of `tierscope/element` (element/tierscope-preview.js): the <tierscope-preview> custom element.
// Importing the module defines the element. Docs: the package README and custom-elements.json.
import type { ProjectFiles, ProjectReport, Report, Tierscope } from '../tierscope.js';

/** The input error of a tierscope-error event and of the element's `error` property. */
export interface TierscopePreviewError {
  /**
   * The engine's error code, or 'load-error' (the module could not be loaded), 'bad-engine', or in project
   * mode 'project-read-error' (the folder, .zip or project-src could not be read) and the engine's own
   * (a folder with no hsproject.json is an error, never a verdict).
   */
  code: string;
  message: string;
}

/** What the element needs of an engine: a createTierscope() instance has it (checkProject: for `project` / `project-src`). */
export type TierscopePreviewEngine = Pick<Tierscope, 'check'> & Partial<Pick<Tierscope, 'checkProject'>>;

/**
 * A whole HubSpot developer project for the `project` property: a chosen folder's FileList or File[]
 * (paths from webkitRelativePath, the folder's own name dropped), a .zip as a File or Blob, or the files
 * as ProjectFiles ({path: text} or [{path, text}]).
 */
export type TierscopePreviewProject = FileList | File[] | Blob | ProjectFiles;

/**
 * The element's own words (keys: see custom-elements.json or the element README; e.g. 'summary',
 * 'announce', 'column-tier', 'status-installs'). Each is a string with {placeholders} or a function of
 * the same values. Assign a partial object to `strings`: it is merged over the defaults.
 */
export interface TierscopePreviewStrings {
  [key: string]: string | ((values: Record<string, string | number | undefined>) => string);
}

export declare class TierscopePreview extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The engine of every element that has none of its own. */
  static engine: TierscopePreviewEngine | Promise<TierscopePreviewEngine> | null;
  /** Required scopes, separated by spaces or commas (reflects the attribute). */
  required: string;
  /** Conditionally required scopes (reflects the attribute). */
  conditional: string;
  /** Optional scopes (reflects the attribute). */
  optional: string;
  /** A HubSpot install (authorize) URL (reflects the attribute). */
  url: string;
  /** Profile ids of the rows to show (reflects the attribute). */
  profiles: string;
  /** The table's caption (reflects the attribute). */
  label: string;
  /** Tighter layout (reflects the boolean attribute). */
  compact: boolean;
  /** The tierscope instance to use instead of importing one. */
  engine: TierscopePreviewEngine | Promise<TierscopePreviewEngine> | null;
  /** The element's words: reading gives every string in use; assigning an object merges it over the defaults. */
  strings: TierscopePreviewStrings;
  /**
   * A whole HubSpot project to judge instead of the scope attributes (read in the page, judged by the
   * engine's checkProject() in its lazily loaded calls module); null: project-src or the attributes.
   */
  project: TierscopePreviewProject | null;
  /** A .zip of a HubSpot project on the page's own origin (reflects the project-src attribute); `project` wins. */
  projectSrc: string;
  /** In project mode, the last checkProject() report (its `check` is `report`); else null. */
  readonly projectReport: ProjectReport | null;
  /** The last report (in project mode the project's check report), or null. */
  readonly report: Report | null;
  /** The last input error, or null. */
  readonly error: TierscopePreviewError | null;
  /** Resolves to the element once every pending change has rendered. */
  readonly updateComplete: Promise<TierscopePreview>;
}

/** The shared instance the elements import when they have no engine. */
export declare function loadTierscope(): Promise<Tierscope>;

export interface TierscopePreviewEventMap {
  'tierscope-change': CustomEvent<Report>;
  'tierscope-error': CustomEvent<TierscopePreviewError>;
}

declare global {
  interface HTMLElementTagNameMap {
    'tierscope-preview': TierscopePreview;
  }
  interface HTMLElementEventMap extends TierscopePreviewEventMap {}
}
