/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-sync-private.h"

/* Pull: pages of the dealer's changes after the stored cursor. A page and its new cursor are
 * applied in one SQLite transaction, with the sync_applying flag set so that the outbox
 * triggers let the changes pass. Foreign keys are checked by the server; here they are off
 * while a page applies, because a page holds each record once, at its latest version, so a
 * trámite may arrive before the plan it names (which then arrives in the same or a later
 * page). */

/* A page's changes are read one at a time: a scanner that follows only strings and nesting
 * finds the byte range of each element of the reply's "changes" array, and json-glib parses
 * (and so checks) each element on its own, which is freed before the next. The tree of a
 * whole page, several times the page's text, is never built. A reply the scanner does not
 * follow (malformed, a top-level key written with an escape, no "changes" array) is parsed
 * whole, as before, so that it gets the same error or the same outcome. */
typedef struct
{
  gsize start;
  gsize end;
} Range;

typedef struct
{
  GBytes     *reply;     /* borrowed: the page as received */
  const char *text;      /* borrowed: the reply's bytes */
  gsize       size;
  GArray     *ranges;    /* Range of each change in @text, or NULL when read from @array */
  JsonParser *parser;    /* holds the change last read from @ranges */
  JsonNode   *root;      /* the envelope ("changes" emptied), or the whole reply */
  JsonArray  *array;     /* borrowed from @root: the changes when the reply was parsed whole */
} Page;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->ranges, g_array_unref);
  g_clear_object (&page->parser);
  g_clear_pointer (&page->root, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gsize
skip_space (const char *text,
            gsize       size,
            gsize       at)
{
  while (at < size && is_space (text[at]))
    at++;
  return at;
}

/* Past the closing quote of the string that starts at @at; 0 when it is not closed. */
static gsize
skip_string (const char *text,
             gsize       size,
             gsize       at)
{
  g_assert (text[at] == '"');
  for (at++; at < size; at++)
    {
      if (text[at] == '\\')
        at++;
      else if (text[at] == '"')
        return at + 1;
    }
  return 0;
}

/* Past the value that starts at @at; 0 when none starts there or it does not end. Only
 * strings and nesting are followed: json-glib checks the value's text. */
static gsize
skip_value (const char *text,
            gsize       size,
            gsize       at)
{
  guint depth = 0;

  do
    {
      if (at >= size)
        return 0;
      switch (text[at])
        {
        case '"':
          at = skip_string (text, size, at);
          if (at == 0)
            return 0;
          break;
        case '{':
        case '[':
          depth++;
          at++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            return 0;
          depth--;
          at++;
          break;
        default:
          if (depth == 0)
            {
              /* A number or a literal, up to the next delimiter. */
              gsize start = at;

              while (at < size && !is_space (text[at]) && text[at] != ',' && text[at] != ']' &&
                     text[at] != '}')
                at++;
              return at > start ? at : 0;
            }
          at++;
        }
    }
  while (depth > 0);
  return at;
}

/* The elements of the array that starts at @at; @out_end gets the position past it. */
static gboolean
find_elements (const char *text,
               gsize       size,
               gsize       at,
               gsize      *out_end,
               GArray     *ranges)
{
  g_assert (text[at] == '[');
  at = skip_space (text, size, at + 1);
  if (at < size && text[at] == ']')
    {
      *out_end = at + 1;
      return TRUE;
    }
  for (;;)
    {
      Range range = { at, skip_value (text, size, at) };

      if (range.end == 0)
        return FALSE;
      g_array_append_val (ranges, range);
      at = skip_space (text, size, range.end);
      if (at < size && text[at] == ']')
        {
          *out_end = at + 1;
          return TRUE;
        }
      if (at >= size || text[at] != ',')
        return FALSE;
      at = skip_space (text, size, at + 1);
    }
}

/* The range of the top-level "changes" array (the last one, as json-glib keeps the last of
 * repeated members) and its elements; FALSE when the reply is not an object of that shape
 * that this scanner follows. */
static gboolean
find_changes (const char *text,
              gsize       size,
              Range      *out_array,
              GArray     *ranges)
{
  static const char key_changes[] = "\"changes\"";
  gboolean found = FALSE;
  gsize at = skip_space (text, size, 0);

  if (at >= size || text[at] != '{')
    return FALSE;
  at = skip_space (text, size, at + 1);
  for (;;)
    {
      gsize key = at;
      gsize key_end;
      gsize value;

      if (at >= size || text[at] != '"')
        return FALSE;
      key_end = skip_string (text, size, at);
      if (key_end == 0 || memchr (text + key, '\\', key_end - key) != NULL)
        return FALSE;
      at = skip_space (text, size, key_end);
      if (at >= size || text[at] != ':')
        return FALSE;
      value = skip_space (text, size, at + 1);
      if (key_end - key == strlen (key_changes) && memcmp (text + key, key_changes, key_end - key) == 0)
        {
          if (value >= size || text[value] != '[')
            return FALSE;
          g_array_set_size (ranges, 0);
          if (!find_elements (text, size, value, &at, ranges))
            return FALSE;
          out_array->start = value;
          out_array->end = at;
          found = TRUE;
        }
      else if ((at = skip_value (text, size, value)) == 0)
        return FALSE;
      at = skip_space (text, size, at);
      if (at < size && text[at] == '}')
        break;
      if (at >= size || text[at] != ',')
        return FALSE;
      at = skip_space (text, size, at + 1);
    }
  return found && skip_space (text, size, at + 1) == size;
}

/* Reads @reply's envelope (the reply with "changes" emptied) and the ranges of its changes;
 * or, when the scanner does not follow it, the whole reply as one tree. */
static gboolean
page_init (Page     *page,
           GBytes   *reply,
           GError  **error)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Range array;
  JsonObject *object;

  memset (page, 0, sizeof *page);
  page->reply = reply;
  page->text = g_bytes_get_data (reply, &page->size);
  if (page->text != NULL && find_changes (page->text, page->size, &array, ranges))
    {
      g_autoptr(GString) envelope = g_string_sized_new (page->size - (array.end - array.start) + 2);
      g_autoptr(GBytes) envelope_bytes = NULL;

      g_string_append_len (envelope, page->text, (gssize) array.start);
      g_string_append (envelope, "[]");
      g_string_append_len (envelope, page->text + array.end, (gssize) (page->size - array.end));
      envelope_bytes = g_string_free_to_bytes (g_steal_pointer (&envelope));
      page->root = gest_sync_parse_json (envelope_bytes, NULL);
      if (page->root != NULL)
        {
          page->ranges = g_steal_pointer (&ranges);
          page->parser = json_parser_new_immutable ();
          return TRUE;
        }
    }

  page->root = gest_sync_parse_json (reply, error);
  if (page->root == NULL)
    return FALSE;
  object = json_node_get_object (page->root);
  if (json_object_has_member (object, "changes") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "changes")))
    page->array = json_object_get_array_member (object, "changes");
  return TRUE;
}

static guint
page_length (Page *page)
{
  return page->ranges != NULL ? page->ranges->len
         : page->array != NULL ? json_array_get_length (page->array) : 0;
}

/* Change @i of @page, borrowed until the next call; NULL for a JSON null, which is skipped.
 * Anything else that is not an object is an error. */
static gboolean
page_get_change (Page        *page,
                 guint        i,
                 JsonObject **out_change,
                 GError     **error)
{
  JsonNode *node;

  *out_change = NULL;
  if (page->ranges != NULL)
    {
      const Range *range = &g_array_index (page->ranges, Range, i);
      g_autoptr(GError) local_error = NULL;

      if (!json_parser_load_from_data (page->parser, page->text + range->start,
                                       (gssize) (range->end - range->start), &local_error))
        {
          g_autoptr(JsonNode) whole = NULL;

          /* The error of the whole reply, as when it was parsed whole. */
          whole = gest_sync_parse_json (page->reply, error);
          if (whole != NULL)
            g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                         _("The sync server sent a reply Gestiona does not understand (%s). Check the "
                           "server address; changes stay queued."),
                         local_error->message);
          return FALSE;
        }
      node = json_parser_get_root (page->parser);
    }
  else
    node = json_array_get_element (page->array, i);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("Change %u of the sync server’s list of changes is not a JSON object. Nothing "
                     "was applied; try again later."),
                   i + 1);
      return FALSE;
    }
  *out_change = json_node_get_object (node);
  return TRUE;
}

/* Checks every change of @page and lists the files of its documents, before any is fetched
 * or applied. */
static GPtrArray *
page_check (Page    *page,
            GError **error)
{
  g_autoptr(GPtrArray) blobs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < page_length (page); i++)
    {
      JsonObject *change;
      JsonObject *fields;
      const char *sha;

      if (!page_get_change (page, i, &change, error))
        return NULL;
      if (change == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (change, "entity", ""), "document") != 0 ||
          json_object_get_boolean_member_with_default (change, "deleted", FALSE) ||
          !json_object_has_member (change, "fields") ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (change, "fields")))
        continue;
      fields = json_object_get_object_member (change, "fields");
      sha = json_object_get_string_member_with_default (fields, "sha256", "");
      /* Only a checked hash names a file: "../../a.db.sync-token" is 64 characters too. The
       * change itself is refused when applied (gest_sync_validate_change ()). */
      if (gest_sync_sha256_is_valid (sha))
        g_ptr_array_add (blobs, g_strdup (sha));
    }
  return g_steal_pointer (&blobs);
}

static gboolean
apply_page (GestStore   *store,
            Page        *page,
            const char  *cursor,
            gint64       max_blob,
            gint64       dealer_number,
            GError     **error)
{
  g_autoptr(GestSyncApplier) applier = NULL;
  gboolean ok = FALSE;

  if (!gest_store_exec (store, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  gest_store_let_waiting_writers_in (store);
  if (!gest_store_begin (store, TRUE, error))
    goto out;
  if (!gest_store_exec (store, "INSERT INTO sync_applying (one) VALUES (1)", error))
    goto rollback;
  applier = gest_sync_applier_new (store, error);
  if (applier == NULL)
    goto rollback;
  for (guint i = 0; i < page_length (page); i++)
    {
      JsonObject *change;

      if (!page_get_change (page, i, &change, error) ||
          (change != NULL && !gest_sync_apply_change (applier, change, error)))
        goto rollback;
    }
  if (max_blob > 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, max_blob);

      if (!gest_sync_state_set (store, "max-blob", text, error))
        goto rollback;
    }
  /* A desktop enrolled before dealer numbers learns its dealer's here, and its next folios
   * carry it (#16.3); a number it already has never changes. */
  if (dealer_number > 0)
    {
      g_autofree char *known = gest_sync_state_get (store, "dealer-number");

      if (known == NULL)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, dealer_number);

          if (!gest_sync_state_set (store, "dealer-number", text, error))
            goto rollback;
        }
    }
  if (!gest_sync_state_set (store, "cursor", cursor, error) ||
      !gest_store_exec (store, "DELETE FROM sync_applying", error) ||
      !gest_store_commit (store, error))
    goto rollback;
  ok = TRUE;
  goto out;

rollback:
  g_clear_pointer (&applier, gest_sync_applier_free);
  gest_store_rollback (store);
out:
  gest_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
  return ok;
}

/* A page as received and checked, ready to apply, then applied on its own thread. */
typedef struct
{
  GBytes    *reply;
  Page       page;
  char      *cursor;    /* the cursor after this page */
  guint      length;
  gboolean   more;
  gint64     max_blob;  /* the server's largest document, when the page says (issue 16.4) */
  gint64     dealer_number;  /* the dealer's number, when the page says (issue 16.3) */
  GPtrArray *blobs;     /* files of its documents, to fetch before it is applied */
  GestStore *store;
  gboolean   applied;
  GError    *error;
} PageJob;

static void
page_job_free (PageJob *job)
{
  page_clear (&job->page);
  g_clear_pointer (&job->reply, g_bytes_unref);
  g_clear_pointer (&job->cursor, g_free);
  g_clear_pointer (&job->blobs, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageJob, page_job_free)

/* The page after @cursor, read and checked; touches no database, so it runs while the
 * previous page is being applied. */
static PageJob *
fetch_page (GestSyncConnection  *conn,
            const char          *cursor,
            guint               *out_status,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autofree char *escaped = g_uri_escape_string (cursor != NULL ? cursor : "", NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/pull?cursor=%s&limit=%d", escaped, GEST_SYNC_PULL_LIMIT);
  g_autoptr(SoupMessage) msg = gest_sync_message_new (conn, "GET", path);
  g_autoptr(PageJob) job = g_new0 (PageJob, 1);
  JsonObject *object;
  JsonNode *cursor_node;
  guint status = 0;

  job->reply = gest_sync_request (conn, msg, NULL, NULL, &status, cancellable, error);
  if (out_status != NULL)
    *out_status = status;
  if (job->reply == NULL)
    return NULL;
  if (status != SOUP_STATUS_OK)
    {
      gest_sync_status_error (status, job->reply, error);
      return NULL;
    }
  if (!page_init (&job->page, job->reply, error))
    return NULL;
  object = json_node_get_object (job->page.root);
  cursor_node = json_object_get_member (object, "cursor");
  if (cursor_node != NULL && JSON_NODE_HOLDS_VALUE (cursor_node))
    job->cursor = json_node_get_value_type (cursor_node) == G_TYPE_STRING
                  ? g_strdup (json_node_get_string (cursor_node))
                  : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (cursor_node));
  if ((job->page.ranges == NULL && job->page.array == NULL) || job->cursor == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NETWORK,
                   _("The sync server’s list of changes is incomplete (no changes or no "
                     "cursor). Nothing was applied; try again later."));
      return NULL;
    }
  job->blobs = page_check (&job->page, error);
  if (job->blobs == NULL)
    return NULL;
  job->length = page_length (&job->page);
  job->more = json_object_get_boolean_member_with_default (object, "more", FALSE) && job->length > 0;
  job->max_blob = gest_sync_read_max_blob (object);
  job->dealer_number = gest_sync_read_dealer_number (object);
  return g_steal_pointer (&job);
}

static gpointer
apply_thread (gpointer data)
{
  PageJob *job = data;

  job->applied = apply_page (job->store, &job->page, job->cursor, job->max_blob, job->dealer_number,
                             &job->error);
  return NULL;
}

/* Pages are fetched one ahead: while page N is applied on its own thread (which alone uses
 * the database meanwhile), this thread fetches page N + 1 with the cursor N ends at. Page N + 1
 * is applied only after N is committed; when N fails, N + 1 is dropped. Two pages at most are
 * held at once. Measured on 100,000 customers, the pull's time went from fetch + apply to
 * about the larger of the two. */
static gboolean
pull_pages (GestStore           *store,
            GestSyncConnection  *conn,
            guint               *out_pulled,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autofree char *cursor = gest_sync_state_get (store, "cursor");
  g_autoptr(GError) cursor_error = NULL;
  guint status = 0;
  g_autoptr(PageJob) job = fetch_page (conn, cursor, &status, cancellable, &cursor_error);

  /* A cursor the server refuses (400) comes from another server or from before a restore of
   * its database: pull from the start, as the protocol says (#16.6). Applying a change again
   * is harmless (versions decide). */
  if (job == NULL && status == SOUP_STATUS_BAD_REQUEST && cursor != NULL)
    {
      g_message ("The sync server refused the pull cursor %s (%s); pulling from the start.",
                 cursor, cursor_error->message);
      job = fetch_page (conn, NULL, NULL, cancellable, error);
    }
  else if (job == NULL)
    g_propagate_error (error, g_steal_pointer (&cursor_error));

  while (job != NULL)
    {
      g_autoptr(PageJob) next = NULL;
      g_autoptr(GError) fetch_error = NULL;
      GThread *thread;

      for (guint i = 0; i < job->blobs->len; i++)
        if (!gest_sync_blob_download (store, conn, g_ptr_array_index (job->blobs, i), cancellable, error))
          return FALSE;

      job->store = store;
      thread = g_thread_new ("gest-sync-apply", apply_thread, job);
      if (job->more)
        next = fetch_page (conn, job->cursor, NULL, cancellable, &fetch_error);
      g_thread_join (thread);
      if (!job->applied)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          return FALSE;
        }
      *out_pulled += job->length;
      if (!job->more)
        return TRUE;
      if (next == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&fetch_error));
          return FALSE;
        }
      g_clear_pointer (&job, page_job_free);
      job = g_steal_pointer (&next);
    }
  return FALSE;
}

/* How many KiB of pages the pull's connection caches. Measured on 100,000 customers in pages
 * of 5,000 changes: 512 KiB instead of SQLite's default 2,000 saves 1.5 MB of the pull's peak
 * memory at no cost in time (a page's transaction dirties far more than either, and SQLite
 * writes the excess to the WAL before the commit either way). With pages of 100 it had made
 * the pull 20-25 % slower. */
#define PULL_CACHE_KIB 512

static gint64
pragma_int (GestStore  *store,
            const char *sql)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, sql, NULL);
  gint64 value = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  return value;
}

static void
pragma_set (GestStore  *store,
            const char *name,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);

  gest_store_exec (store, sql, NULL);
}

/* While pulling, the database is not memory-mapped: the pull writes the whole file and reads
 * it back in the index lookups, and mapped, every page of it stayed in the process's
 * resident memory (40 MB for 100,000 customers) for no speed gained. Its page cache is set
 * to PULL_CACHE_KIB. A page's commit does not wait for the disk (synchronous = NORMAL): the
 * page and its cursor are one transaction, so a power cut can only undo both, and the next
 * round pulls that page again; the database stays whole (WAL). Saves of the user, on their own
 * connection, stay FULL. All three are restored after. */
gboolean
gest_sync_pull_all (GestStore           *store,
                    GestSyncConnection  *conn,
                    guint               *out_pulled,
                    GCancellable        *cancellable,
                    GError             **error)
{
  gint64 mapped = pragma_int (store, "PRAGMA mmap_size");
  gint64 cache = pragma_int (store, "PRAGMA cache_size");
  gint64 synchronous = pragma_int (store, "PRAGMA synchronous");
  gboolean ok;

  *out_pulled = 0;
  if (mapped > 0 && !gest_store_exec (store, "PRAGMA mmap_size = 0", error))
    return FALSE;
  pragma_set (store, "cache_size", -PULL_CACHE_KIB);
  pragma_set (store, "synchronous", MIN (synchronous, 1));
  ok = pull_pages (store, conn, out_pulled, cancellable, error);
  pragma_set (store, "synchronous", synchronous);
  pragma_set (store, "cache_size", cache);
  if (mapped > 0)
    pragma_set (store, "mmap_size", mapped);
  return ok;
}
