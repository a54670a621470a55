// Where the user is: which section fills the window under the top bar.

/** What fills the window under the top bar: the library and reader, the entity registry, claims across the archive, or search results. */
export type Section = 'library' | 'entities' | 'claims' | 'search';

export type Dialog = 'add' | 'edit' | 'import' | 'help' | 'export';
