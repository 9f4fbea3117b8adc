/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-search.h"

#define MAX_TERMS 8

void
gest_search_hit_free (GestSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->uuid);
  g_free (hit->title);
  g_free (hit->subtitle);
  g_free (hit);
}

/* User text becomes a conjunction of quoted terms, the last one a prefix (the word being
 * typed): `"juan" AND "garc"*`; with @all_prefix every word is a prefix (`"zacar"* AND
 * "quinta"*`). FTS5 merges a prefix term's whole doclist up front, so a prefix of a common
 * token ("liq"*, "2026"*) reads a huge part of the index: the strict form keeps a folio typed
 * whole instant, and the all-prefix form is only the fallback when it finds nothing.
 * Words are the runs of letters and digits, so no character of the user's text is ever FTS5
 * syntax. */
static char *
build_match (const char *text,
             gboolean    all_prefix)
{
  GString *match = g_string_new (NULL);
  GString *word = g_string_new (NULL);
  guint n_terms = 0;
  const char *p = text;

  for (;;)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          if (n_terms < MAX_TERMS)
            {
              if (n_terms > 0)
                g_string_append (match, " AND ");
              g_string_append_printf (match, all_prefix ? "\"%s\"*" : "\"%s\"", word->str);
              n_terms++;
            }
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }

  g_string_free (word, TRUE);
  if (n_terms > 0 && !all_prefix)
    g_string_append_c (match, '*');
  if (n_terms == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  return g_string_free (match, FALSE);
}

/* The shared kinds: customers, plans and vehicles belong to every module. */
static const GestSearchKind shared_kinds[] = {
  { GEST_HIT_CUSTOMER, N_("Customer"), "avatar-default-symbolic", NULL },
  { GEST_HIT_PLAN, N_("Conauto plan"), "x-office-spreadsheet-symbolic",
    "SELECT p.uuid, p.number, c.name FROM plans p JOIN customers c ON c.uuid = p.customer_uuid"
    " WHERE p.number >= ?1 AND p.number < ?3 AND +p.deleted = 0 ORDER BY p.number LIMIT ?2" },
  { GEST_HIT_VEHICLE, N_("Vehicle"), "applications-engineering-symbolic",
    "SELECT v.uuid, v.vin, v.model || ' ' || v.year || ' ' || v.plate || ' ' || coalesce (c.name, '')"
    " FROM vehicles v LEFT JOIN customers c ON c.uuid = v.customer_uuid"
    " WHERE v.vin >= ?1 AND v.vin < ?3 AND +v.deleted = 0 ORDER BY v.vin LIMIT ?2" },
};

const GestSearchKind *
gest_search_kind_lookup (const char *kind)
{
  const GestSearchKind *info = NULL;

  if (kind == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (shared_kinds); i++)
    if (g_str_equal (shared_kinds[i].kind, kind))
      return &shared_kinds[i];
  gest_domain_modules_find_search_kind (kind, &info);
  return info;
}

/* "Customer · RFC, e-mail, phone and city": the kind's label, then the record's context. */
static char *
make_subtitle (const GestSearchKind *kind,
               const char           *body)
{
  g_autofree char *clean = g_strstrip (g_strdup (body != NULL ? body : ""));

  return g_strdup_printf ("%s · %s", _(kind->label), clean);
}

/* Runs one MATCH expression, adding hits not yet seen until @hits holds @limit. */
static gboolean
collect (GestStore   *store,
         const char  *match,
         guint        limit,
         GPtrArray   *hits,
         GHashTable  *seen,
         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  stmt = gest_store_prepare (store,
                             "SELECT kind, uuid, title, body FROM search_index "
                             "WHERE search_index MATCH ?1 LIMIT ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) limit * 2);

  while (hits->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      const GestSearchKind *kind = gest_search_kind_lookup ((const char *) sqlite3_column_text (stmt, 0));
      GestSearchHit *hit;

      if (kind == NULL || g_hash_table_contains (seen, uuid))
        continue;

      hit = g_new0 (GestSearchHit, 1);
      hit->kind = kind->kind;
      hit->uuid = g_strdup (uuid);
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      hit->subtitle = make_subtitle (kind, (const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_add (seen, hit->uuid);
      g_ptr_array_add (hits, hit);
    }
  if (hits->len < limit && rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A code typed whole or in part (a plan number "2822-03", a VIN prefix, a module's code such as
 * "LIQ-2026-042-070001", up to 21 characters): letters, digits and dashes with at least one
 * digit. Upper-cased, or NULL. */
static char *
code_prefix (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean digit = FALSE;

  if (strlen (trimmed) < 3 || strlen (trimmed) > 21)
    return NULL;
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!g_ascii_isalpha (*p) && *p != '-')
        return NULL;
    }
  return digit ? g_ascii_strup (trimmed, -1) : NULL;
}

/* Codes are found by a range scan of the tables' unique indexes, which stays instant where an
 * FTS5 prefix term over short digit groups ("03"*) would merge tens of thousands of postings.
 * The modules' codes come first, then plan numbers and VINs. */
static gboolean
collect_codes (GestStore   *store,
               const char  *prefix,
               guint        limit,
               GPtrArray   *hits,
               GHashTable  *seen,
               GError     **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new ();
  GPtrArray *modules = gest_domain_modules_get ();
  /* [prefix, prefix with its last character + 1): every code that starts with it. The
   * characters are ASCII letters, digits and '-', so the successor is another ASCII byte. */
  g_autofree char *upper = g_strdup (prefix);

  upper[strlen (upper) - 1]++;

  for (guint i = 0; modules != NULL && i < modules->len; i++)
    {
      guint n;
      const GestSearchKind *kinds = gest_domain_module_get_search_kinds (g_ptr_array_index (modules, i), &n);

      for (guint k = 0; k < n; k++)
        if (kinds[k].code_sql != NULL)
          g_ptr_array_add (queries, (gpointer) &kinds[k]);
    }
  for (guint k = 0; k < G_N_ELEMENTS (shared_kinds); k++)
    if (shared_kinds[k].code_sql != NULL)
      g_ptr_array_add (queries, (gpointer) &shared_kinds[k]);

  for (guint q = 0; q < queries->len && hits->len < limit; q++)
    {
      const GestSearchKind *kind = g_ptr_array_index (queries, q);
      sqlite3_stmt *stmt = gest_store_prepare (store, kind->code_sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) (limit - hits->len));
      sqlite3_bind_text (stmt, 3, upper, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
          GestSearchHit *hit;

          if (g_hash_table_contains (seen, uuid))
            continue;
          hit = g_new0 (GestSearchHit, 1);
          hit->kind = kind->kind;
          hit->uuid = g_strdup (uuid);
          hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          hit->subtitle = make_subtitle (kind, (const char *) sqlite3_column_text (stmt, 2));
          g_hash_table_add (seen, hit->uuid);
          g_ptr_array_add (hits, hit);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return gest_store_set_error (store, error);
    }
  return TRUE;
}

/* Best first: records whose title (name, plan number, VIN, code) matches every word come
 * before records that match only through their context. Neither pass asks FTS5 to rank the
 * whole match set, so a common surname among a million customers stays instant. */
GPtrArray *
gest_search_run (GestStore   *store,
                 const char  *text,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_search_hit_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  code = code_prefix (text);
  if (code != NULL && limit > 0 && !collect_codes (store, code, limit, hits, seen, error))
    return NULL;

  for (int pass = 0; pass < 2 && hits->len == 0 && limit > 0; pass++)
    {
      g_autofree char *terms = build_match (text, pass == 1);
      g_autofree char *title_match = NULL;

      if (terms == NULL)
        break;
      title_match = g_strdup_printf ("title : (%s)", terms);
      if (!collect (store, title_match, limit, hits, seen, error) ||
          !collect (store, terms, limit, hits, seen, error))
        return NULL;
    }

  return g_steal_pointer (&hits);
}
