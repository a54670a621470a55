// The add and edit forms for an article; the archive validates, and its issues are shown beside the form, their fields marked.
import { useId, useState, type FormEvent } from 'react';
import type { Article, ArticleInput, ArticlePatch } from '../../core/model.ts';
import { archive, ArchiveCallError, messageOf } from '../api.ts';
import { ModalDialog } from './modal-dialog.tsx';

type Props =
  | { mode: 'add'; onSaved: (article: Article) => void; onClose: () => void }
  | { mode: 'edit'; article: Article; onSaved: (article: Article) => void; onClose: () => void };

type Fields = {
  text: string;
  title: string;
  source: string;
  url: string;
  publishedAt: string;
  byline: string;
  tags: string;
  notes: string;
};
type FieldName = keyof Fields;

const LABELS: Record<FieldName, string> = {
  text: 'Text',
  title: 'Title',
  source: 'Source',
  url: 'URL',
  publishedAt: 'Published',
  byline: 'Byline',
  tags: 'Tags',
  notes: 'Notes',
};

function fieldsOf(article: Article | undefined): Fields {
  return {
    text: '',
    title: article?.title ?? '',
    source: article?.source ?? '',
    url: article?.url ?? '',
    // A stored instant shows as its day: the date input holds days only, and a day is what people enter.
    publishedAt: article?.publishedAt?.slice(0, 10) ?? '',
    byline: article?.byline ?? '',
    tags: article?.tags.join(', ') ?? '',
    notes: article?.notes ?? '',
  };
}

function parseTags(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Only what was typed: blank optional fields are left out, so the archive applies its own defaults. */
function inputFrom(fields: Fields): ArticleInput {
  const input: ArticleInput = { text: fields.text };
  if (fields.title.trim()) input.title = fields.title;
  if (fields.source.trim()) input.source = fields.source;
  if (fields.url.trim()) input.url = fields.url.trim();
  if (fields.publishedAt) input.publishedAt = fields.publishedAt;
  if (fields.byline.trim()) input.byline = fields.byline;
  const tags = parseTags(fields.tags);
  if (tags.length) input.tags = tags;
  if (fields.notes.trim()) input.notes = fields.notes;
  return input;
}

/** Only the fields that changed: an untouched field is never rewritten. */
function patchFrom(before: Fields, after: Fields): ArticlePatch {
  const patch: ArticlePatch = {};
  if (after.title !== before.title) patch.title = after.title;
  if (after.source !== before.source) patch.source = after.source;
  if (after.url !== before.url) patch.url = after.url.trim();
  if (after.publishedAt !== before.publishedAt) patch.publishedAt = after.publishedAt || null;
  if (after.byline !== before.byline) patch.byline = after.byline;
  if (after.tags !== before.tags) patch.tags = parseTags(after.tags);
  if (after.notes !== before.notes) patch.notes = after.notes;
  return patch;
}

/** What went wrong, said for the form: each argument issue with its field's label, or the message as it came. */
type Problem = { lines: string[]; fields: Set<FieldName> };

function problemOf(caught: unknown): Problem {
  const issues = caught instanceof ArchiveCallError ? caught.issues : [];
  if (!issues.length) return { lines: [messageOf(caught)], fields: new Set() };
  const fields = new Set<FieldName>();
  const lines = issues.map(({ path, message }) => {
    // [argument, field, …]: the argument's position means nothing to the person typing.
    const [, field, ...rest] = path;
    if (typeof field === 'string' && field in LABELS) fields.add(field as FieldName);
    const where = [typeof field === 'string' ? (LABELS[field as FieldName] ?? field) : null, ...rest].filter(
      (part) => part !== null,
    );
    return where.length ? `${where.join(' › ')}: ${message}` : message;
  });
  return { lines, fields };
}

export function ArticleDialog(props: Props) {
  const editing = props.mode === 'edit' ? props.article : undefined;
  const [initial] = useState(() => fieldsOf(editing));
  const [fields, setFields] = useState(initial);
  const [error, setError] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const formId = useId();
  const errorId = `${formId}-error`;
  const invalid = error?.fields ?? new Set<FieldName>();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      let saved: Article;
      if (editing) {
        const patch = patchFrom(initial, fields);
        if (Object.keys(patch).length === 0) return props.onClose();
        saved = await archive.updateArticle(editing.id, patch);
      } else {
        saved = await archive.addArticle(inputFrom(fields));
      }
      props.onSaved(saved);
    } catch (caught) {
      setError(problemOf(caught));
    } finally {
      setSaving(false);
    }
  }

  function field(
    name: FieldName,
    extra: { type?: string; placeholder?: string; hint?: string; autoFocus?: boolean } = {},
  ) {
    const id = `${formId}-${name}`;
    return (
      <div className={`field field-${name}`}>
        <label htmlFor={id}>{LABELS[name]}</label>
        <input
          id={id}
          type={extra.type ?? 'text'}
          dir={extra.type ? undefined : 'auto'}
          value={fields[name]}
          placeholder={extra.placeholder}
          data-autofocus={extra.autoFocus || undefined}
          aria-invalid={invalid.has(name) || undefined}
          aria-describedby={invalid.has(name) ? errorId : undefined}
          onChange={(event) => setFields({ ...fields, [name]: event.target.value })}
        />
        {extra.hint && <span className="field-hint">{extra.hint}</span>}
      </div>
    );
  }

  const textId = `${formId}-text`;
  const notesId = `${formId}-notes`;
  return (
    <ModalDialog title={editing ? 'Edit article' : 'New article'} onClose={props.onClose} className="article-dialog">
      {/* noValidate: the archive's own checks speak, so the browser and the archive never disagree. */}
      <form className="article-form" noValidate onSubmit={(event) => void submit(event)}>
        {!editing && (
          <div className="field field-text">
            <label htmlFor={textId}>Text</label>
            <textarea
              id={textId}
              dir="auto"
              rows={10}
              value={fields.text}
              placeholder="Paste the article's text here"
              aria-required="true"
              aria-invalid={invalid.has('text') || undefined}
              aria-describedby={invalid.has('text') ? errorId : undefined}
              data-autofocus
              onChange={(event) => setFields({ ...fields, text: event.target.value })}
            />
          </div>
        )}
        {field('title', editing ? { autoFocus: true } : { placeholder: 'Taken from the first line when left empty' })}
        <div className="field-row">
          {field('source', { placeholder: 'Outlet or agency' })}
          {field('byline', { placeholder: 'Author(s)' })}
        </div>
        <div className="field-row">
          {field('url', { type: 'url', placeholder: 'https://…' })}
          {field('publishedAt', { type: 'date' })}
        </div>
        {field('tags', { placeholder: 'Comma-separated, e.g. Syria, Aleppo, HTS' })}
        <div className="field field-notes">
          <label htmlFor={notesId}>Notes</label>
          <textarea
            id={notesId}
            dir="auto"
            rows={3}
            value={fields.notes}
            aria-invalid={invalid.has('notes') || undefined}
            onChange={(event) => setFields({ ...fields, notes: event.target.value })}
          />
        </div>
        {error && (
          <ul id={errorId} className="form-error" role="alert">
            {error.lines.map((issue) => (
              <li key={issue}>{issue}</li>
            ))}
          </ul>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            {editing ? 'Save changes' : 'Add article'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
