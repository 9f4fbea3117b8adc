/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-import-private.h"

/* SQLite's bulk-load habits for an import of up to millions of rows: one transaction, each
 * statement prepared once, a page cache of IMPORT_CACHE_KIB (so the memory does not grow with
 * the file), keys made in ascending order (new rows append to the tables' B-trees instead of
 * touching pages all over), and the work the triggers would do row by row done once after the
 * rows: the search index (its insert and update triggers are dropped inside the transaction
 * and put back before it commits, so no other connection ever sees them missing) and the sync
 * outbox (the sync_applying row silences the outbox triggers; one INSERT … SELECT then queues
 * every record the import created or changed). Records the import touches are stamped with
 * the import's updated_at, which is how the steps after the rows find them. */

#define IMPORT_CACHE_KIB 24576

static const char * const search_triggers[] = {
  "customers_search_insert", "customers_search_update",
  "vehicles_search_insert", "vehicles_search_update",
  "plans_search_insert", "plans_search_update",
};

/* The customer columns an import fills, in the order of the statements' parameters ?3… */
static const char * const customer_columns[] = {
  "kind", "name", "rfc", "fiscal_postal_code", "street", "ext_number", "int_number",
  "neighborhood", "city", "state_code", "postal_code", "email", "phone_mobile", "phone_home",
  "phone_work",
};
static const GestImportField customer_fields[] = {
  GEST_IMPORT_FIELD_NONE, GEST_IMPORT_FIELD_NAME, GEST_IMPORT_FIELD_RFC,
  GEST_IMPORT_FIELD_FISCAL_POSTAL_CODE, GEST_IMPORT_FIELD_STREET, GEST_IMPORT_FIELD_EXT_NUMBER,
  GEST_IMPORT_FIELD_INT_NUMBER, GEST_IMPORT_FIELD_NEIGHBORHOOD, GEST_IMPORT_FIELD_CITY,
  GEST_IMPORT_FIELD_STATE, GEST_IMPORT_FIELD_POSTAL_CODE, GEST_IMPORT_FIELD_EMAIL,
  GEST_IMPORT_FIELD_PHONE_MOBILE, GEST_IMPORT_FIELD_PHONE_HOME, GEST_IMPORT_FIELD_PHONE_WORK,
};

enum { FIND_CUSTOMER, CUSTOMER_ROWID, INSERT_CUSTOMER, UPDATE_CUSTOMER, FIND_VEHICLE, INSERT_VEHICLE,
       UPDATE_VEHICLE, FIND_PLAN, INSERT_PLAN, UPDATE_PLAN, N_STMTS };

struct _GestImportWriter
{
  GestStore      *store;      /* borrowed */
  GestImportKind  kind;
  gint64          stamp;
  gint64          old_cache;
  GPtrArray      *trigger_sql;
  sqlite3_stmt   *stmts[N_STMTS];
  guint64         uuid_high;
  guint64         uuid_low;
  guint           created;
  guint           updated;
  guint           unchanged;
  char           *today;      /* ISO: the balance date of a file without one */
  gint64          max_rowid[3]; /* customers, vehicles, plans before the import */
};

/* Keys in ascending order, still unique across desktops: a UUID version 7 (the import's start
 * in milliseconds, then random bits) whose last 32 bits count the import's records. */
static void
next_uuid (GestImportWriter *self,
           char              out[37])
{
  guint64 low = self->uuid_low++;

  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint32) (self->uuid_high >> 32), (guint) ((self->uuid_high >> 16) & 0xffff),
              (guint) (self->uuid_high & 0xffff), (guint) ((low >> 48) & 0xffff),
              low & G_GUINT64_CONSTANT (0xffffffffffff));
}

static gint64
query_int (GestStore  *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

static char *
customer_insert_sql (void)
{
  GString *sql = g_string_new ("INSERT INTO customers (uuid, updated_at");
  GString *values = g_string_new ("VALUES (?1, ?2");

  for (guint i = 0; i < G_N_ELEMENTS (customer_columns); i++)
    {
      g_string_append_printf (sql, ", %s", customer_columns[i]);
      g_string_append_printf (values, ", coalesce (?%u, %s)", i + 3, i == 0 ? "'fisica'" : "''");
    }
  g_string_append_printf (sql, ") %s)", values->str);
  g_string_free (values, TRUE);
  return g_string_free (sql, FALSE);
}

static char *
customer_update_sql (void)
{
  GString *sql = g_string_new ("UPDATE customers SET updated_at = ?2");
  GString *changed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (customer_columns); i++)
    {
      const char *c = customer_columns[i];

      g_string_append_printf (sql, ", %s = coalesce (?%u, %s)", c, i + 3, c);
      g_string_append_printf (changed, "%s(?%u IS NOT NULL AND ?%u IS NOT %s)",
                              i > 0 ? " OR " : "", i + 3, i + 3, c);
    }
  g_string_append_printf (sql, " WHERE rowid = ?1 AND (%s)", changed->str);
  g_string_free (changed, TRUE);
  return g_string_free (sql, FALSE);
}

static gboolean
prepare (GestImportWriter  *self,
         GError           **error)
{
  g_autofree char *insert_customer = customer_insert_sql ();
  g_autofree char *update_customer = customer_update_sql ();
  const char *sql[N_STMTS] = {
    [FIND_CUSTOMER] = "SELECT rowid, uuid FROM customers WHERE rfc = ?1 AND deleted = 0 "
                      "ORDER BY rowid LIMIT 1",
    [CUSTOMER_ROWID] = "SELECT rowid, uuid FROM customers WHERE uuid = ?1",
    [INSERT_CUSTOMER] = insert_customer,
    [UPDATE_CUSTOMER] = update_customer,
    [FIND_VEHICLE] = "SELECT rowid, uuid FROM vehicles WHERE vin = ?1",
    [INSERT_VEHICLE] = "INSERT INTO vehicles (uuid, updated_at, vin, model, year, km, plate, customer_uuid) "
                       "VALUES (?1, ?2, ?3, coalesce (?4, ''), coalesce (?5, 0), coalesce (?6, 0), "
                       "coalesce (?7, ''), ?8)",
    [UPDATE_VEHICLE] = "UPDATE vehicles SET updated_at = ?2, model = coalesce (?4, model), "
                       "year = coalesce (?5, year), km = coalesce (?6, km), plate = coalesce (?7, plate), "
                       "customer_uuid = coalesce (?8, customer_uuid), deleted = 0 "
                       "WHERE rowid = ?1 AND (deleted = 1 OR (?4 IS NOT NULL AND ?4 IS NOT model) OR "
                       "(?5 IS NOT NULL AND ?5 IS NOT year) OR (?6 IS NOT NULL AND ?6 IS NOT km) OR "
                       "(?7 IS NOT NULL AND ?7 IS NOT plate) OR (?8 IS NOT NULL AND ?8 IS NOT customer_uuid))",
    [FIND_PLAN] = "SELECT rowid, customer_uuid FROM plans WHERE number = ?1",
    [INSERT_PLAN] = "INSERT INTO plans (uuid, updated_at, number, customer_uuid, vehicle_uuid, installment, "
                    "balance, overdue, life_insurance, as_of) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce (?8, 0), coalesce (?9, 0), coalesce (?10, ?11))",
    [UPDATE_PLAN] = "UPDATE plans SET updated_at = ?2, vehicle_uuid = coalesce (?5, vehicle_uuid), "
                    "installment = ?6, balance = ?7, overdue = coalesce (?8, overdue), "
                    "life_insurance = coalesce (?9, life_insurance), as_of = coalesce (?10, as_of), deleted = 0 "
                    "WHERE rowid = ?1 AND (deleted = 1 OR (?5 IS NOT NULL AND ?5 IS NOT vehicle_uuid) OR "
                    "?6 IS NOT installment OR ?7 IS NOT balance OR (?8 IS NOT NULL AND ?8 IS NOT overdue) OR "
                    "(?9 IS NOT NULL AND ?9 IS NOT life_insurance) OR (?10 IS NOT NULL AND ?10 IS NOT as_of))",
  };

  for (guint i = 0; i < N_STMTS; i++)
    if ((self->stmts[i] = gest_store_prepare (self->store, sql[i], error)) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
drop_search_triggers (GestImportWriter  *self,
                      GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_triggers); i++)
    {
      g_autoptr(sqlite3_stmt) stmt =
        gest_store_prepare (self->store, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                            error);
      g_autofree char *drop = NULL;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, search_triggers[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      g_ptr_array_add (self->trigger_sql, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_clear_pointer (&stmt, sqlite3_finalize);
      drop = g_strdup_printf ("DROP TRIGGER %s", search_triggers[i]);
      if (!gest_store_exec (self->store, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* The store's own settings (gest-store.c), once the import is over. */
static void
restore_pragmas (GestStore *store)
{
  gest_store_exec (store, "PRAGMA synchronous = FULL; PRAGMA mmap_size = 268435456", NULL);
}

static void
writer_free (GestImportWriter *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, self->old_cache);

    gest_store_exec (self->store, restore, NULL);
  }
  restore_pragmas (self->store);
  g_ptr_array_unref (self->trigger_sql);
  g_free (self->today);
  g_free (self);
}

GestImportWriter *
gest_import_writer_begin (GestStore       *store,
                          GestImportKind   kind,
                          GError         **error)
{
  GestImportWriter *self;

  /* WAL with synchronous NORMAL stays consistent on a power cut (the import is then lost
   * whole). No memory mapping, so the memory does not grow with the database. */
  gest_store_exec (store, "PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 0", NULL);
  if (!gest_store_begin (store, TRUE, error))
    {
      restore_pragmas (store);
      return NULL;
    }
  if (!gest_store_check_permission (store, GEST_PERMISSION_IMPORT, error))
    {
      gest_store_rollback (store);
      restore_pragmas (store);
      return NULL;
    }
  self = g_new0 (GestImportWriter, 1);
  self->store = store;
  self->kind = kind;
  self->trigger_sql = g_ptr_array_new_with_free_func (g_free);
  self->stamp = g_get_real_time ();
  {
    GDate today;

    gest_date_today (&today);
    self->today = gest_date_to_iso (&today);
  }
  self->old_cache = query_int (store, "PRAGMA cache_size");
  self->uuid_high = ((guint64) (self->stamp / 1000) << 16) | 0x7000 | g_random_int_range (0, 0x1000);
  self->uuid_low = (G_GUINT64_CONSTANT (0x8000) << 48) |
                   ((guint64) (g_random_int () & 0x3fff) << 48) |
                   (((guint64) g_random_int () << 16) & G_GUINT64_CONSTANT (0xffff00000000));
  {
    g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KIB);

    gest_store_exec (store, cache, NULL);
  }
  self->max_rowid[0] = query_int (store, "SELECT coalesce (max (rowid), 0) FROM customers");
  self->max_rowid[1] = query_int (store, "SELECT coalesce (max (rowid), 0) FROM vehicles");
  self->max_rowid[2] = query_int (store, "SELECT coalesce (max (rowid), 0) FROM plans");
  if (!gest_store_exec (store, "INSERT INTO sync_applying (one) VALUES (1)", error) ||
      !drop_search_triggers (self, error) ||
      !prepare (self, error))
    {
      gest_import_writer_abort (self);
      return NULL;
    }
  return self;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
step_done (GestImportWriter  *self,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (self->store, error);
  return TRUE;
}

/* Finds by key: TRUE with the row's rowid and @out_text (column 1), FALSE when absent. */
static gboolean
find (GestImportWriter *self,
      int               which,
      const char       *key,
      gint64           *out_rowid,
      char              out_text[64])
{
  sqlite3_stmt *stmt = self->stmts[which];
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_rowid = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (out_text, sqlite3_column_text (stmt, 1) != NULL
                             ? (const char *) sqlite3_column_text (stmt, 1) : "", 64);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

static void
count (GestImportWriter *self,
       gboolean          created,
       gboolean          changed)
{
  if (created)
    self->created++;
  else if (changed)
    self->updated++;
  else
    self->unchanged++;
}

/* Writes the customer fields of @record: updates the customer @rowid when it is not 0, else
 * creates one. *out_changed tells whether a row was written. */
static gboolean
write_customer (GestImportWriter        *self,
                const GestImportRecord  *record,
                gint64                   rowid,
                char                     uuid[64],
                gboolean                *out_changed,
                GError                 **error)
{
  sqlite3_stmt *stmt = self->stmts[rowid != 0 ? UPDATE_CUSTOMER : INSERT_CUSTOMER];
  const char *rfc = record->text[GEST_IMPORT_FIELD_RFC];

  if (rowid != 0)
    sqlite3_bind_int64 (stmt, 1, rowid);
  else
    {
      next_uuid (self, uuid);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
    }
  sqlite3_bind_int64 (stmt, 2, self->stamp);
  bind_text (stmt, 3, rfc == NULL || rfc[0] == '\0' ? NULL : strlen (rfc) == 12 ? "moral" : "fisica");
  for (guint i = 1; i < G_N_ELEMENTS (customer_fields); i++)
    bind_text (stmt, (int) i + 3, record->text[customer_fields[i]]);
  if (!step_done (self, stmt, error))
    return FALSE;
  *out_changed = sqlite3_changes (gest_store_get_db (self->store)) > 0;
  return TRUE;
}

/* The customer a row names by RFC (a generic RFC names no one): found and updated, or created.
 * Only the name and the RFC of a vehicle's or a plan's row reach the customer. */
static gboolean
find_or_write_customer (GestImportWriter        *self,
                        const GestImportRecord  *record,
                        gint64                   known_rowid,
                        char                     uuid[64],
                        gboolean                *out_created,
                        gboolean                *out_changed,
                        GError                 **error)
{
  const char *rfc = record->text[GEST_IMPORT_FIELD_RFC];
  gint64 rowid = known_rowid;

  *out_created = FALSE;
  if (rowid == 0 && !gest_import_rfc_is_generic (rfc))
    find (self, FIND_CUSTOMER, rfc, &rowid, uuid);
  if (rowid == 0)
    *out_created = TRUE;
  return write_customer (self, record, rowid, uuid, out_changed, error);
}

static gboolean
write_vehicle (GestImportWriter        *self,
               const GestImportRecord  *record,
               const char              *customer_uuid,
               gboolean                *out_created,
               gboolean                *out_changed,
               char                     uuid[64],
               GError                 **error)
{
  const char *vin = record->text[GEST_IMPORT_FIELD_VIN];
  gint64 rowid = 0;
  sqlite3_stmt *stmt;
  const GestImportField ints[] = { GEST_IMPORT_FIELD_YEAR, GEST_IMPORT_FIELD_KM };

  *out_created = !find (self, FIND_VEHICLE, vin, &rowid, uuid);
  stmt = self->stmts[*out_created ? INSERT_VEHICLE : UPDATE_VEHICLE];
  if (*out_created)
    {
      next_uuid (self, uuid);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int64 (stmt, 2, self->stamp);
  sqlite3_bind_text (stmt, 3, vin, -1, SQLITE_STATIC);
  bind_text (stmt, 4, record->text[GEST_IMPORT_FIELD_MODEL]);
  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    if (record->text[ints[i]] != NULL && record->text[ints[i]][0] != '\0')
      sqlite3_bind_int64 (stmt, 5 + (int) i, record->number[ints[i]]);
    else
      sqlite3_bind_null (stmt, 5 + (int) i);
  bind_text (stmt, 7, record->text[GEST_IMPORT_FIELD_PLATE]);
  bind_text (stmt, 8, customer_uuid);
  if (!step_done (self, stmt, error))
    return FALSE;
  *out_changed = sqlite3_changes (gest_store_get_db (self->store)) > 0;
  return TRUE;
}

static gboolean
write_plan (GestImportWriter        *self,
            const GestImportRecord  *record,
            GError                 **error)
{
  const char *number = record->text[GEST_IMPORT_FIELD_PLAN_NUMBER];
  const char *vin = record->text[GEST_IMPORT_FIELD_VIN];
  char customer_uuid[64] = "", vehicle_uuid[64] = "", plan_uuid[64] = "";
  gint64 plan_rowid = 0, customer_rowid = 0;
  gboolean created, changed, customer_created, customer_changed;
  sqlite3_stmt *stmt;

  created = !find (self, FIND_PLAN, number, &plan_rowid, customer_uuid);
  /* A plan known already keeps its customer, whose name and RFC the row may update. */
  if (!created)
    {
      char known[64];

      g_strlcpy (known, customer_uuid, sizeof known);
      find (self, CUSTOMER_ROWID, known, &customer_rowid, customer_uuid);
    }
  if (!find_or_write_customer (self, record, customer_rowid, customer_uuid, &customer_created,
                               &customer_changed, error))
    return FALSE;
  if (vin != NULL && vin[0] != '\0')
    {
      gboolean v_created, v_changed;

      if (!write_vehicle (self, record, customer_uuid, &v_created, &v_changed, vehicle_uuid, error))
        return FALSE;
    }

  stmt = self->stmts[created ? INSERT_PLAN : UPDATE_PLAN];
  if (created)
    {
      next_uuid (self, plan_uuid);
      sqlite3_bind_text (stmt, 1, plan_uuid, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_int64 (stmt, 1, plan_rowid);
  sqlite3_bind_int64 (stmt, 2, self->stamp);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, customer_uuid, -1, SQLITE_STATIC);
  bind_text (stmt, 5, vehicle_uuid[0] != '\0' ? vehicle_uuid : NULL);
  sqlite3_bind_int64 (stmt, 6, record->money[GEST_IMPORT_FIELD_INSTALLMENT]);
  sqlite3_bind_int64 (stmt, 7, record->money[GEST_IMPORT_FIELD_BALANCE]);
  if (record->text[GEST_IMPORT_FIELD_OVERDUE] != NULL && record->text[GEST_IMPORT_FIELD_OVERDUE][0] != '\0')
    sqlite3_bind_int64 (stmt, 8, record->money[GEST_IMPORT_FIELD_OVERDUE]);
  if (record->text[GEST_IMPORT_FIELD_LIFE_INSURANCE] != NULL &&
      record->text[GEST_IMPORT_FIELD_LIFE_INSURANCE][0] != '\0')
    sqlite3_bind_int64 (stmt, 9, record->money[GEST_IMPORT_FIELD_LIFE_INSURANCE]);
  bind_text (stmt, 10, record->text[GEST_IMPORT_FIELD_AS_OF]);
  if (created)
    sqlite3_bind_text (stmt, 11, self->today, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;
  changed = sqlite3_changes (gest_store_get_db (self->store)) > 0;
  sqlite3_clear_bindings (stmt);
  count (self, created, changed || customer_changed);
  return TRUE;
}

gboolean
gest_import_writer_write (GestImportWriter        *self,
                          const GestImportRecord  *record,
                          GError                 **error)
{
  char uuid[64] = "";
  gboolean created = FALSE, changed = FALSE;

  switch (self->kind)
    {
    case GEST_IMPORT_CUSTOMERS:
      if (!find_or_write_customer (self, record, 0, uuid, &created, &changed, error))
        return FALSE;
      count (self, created, changed);
      return TRUE;
    case GEST_IMPORT_VEHICLES:
      {
        char customer_uuid[64] = "";
        const char *rfc = record->text[GEST_IMPORT_FIELD_RFC];
        const char *name = record->text[GEST_IMPORT_FIELD_NAME];
        gboolean c_created, c_changed;

        /* The owner: found by RFC, or created when the row names one. */
        if ((!gest_import_rfc_is_generic (rfc) || (name != NULL && name[0] != '\0')) &&
            !find_or_write_customer (self, record, 0, customer_uuid, &c_created, &c_changed, error))
          return FALSE;
        if (!write_vehicle (self, record, customer_uuid[0] != '\0' ? customer_uuid : NULL,
                            &created, &changed, uuid, error))
          return FALSE;
        count (self, created, changed);
        return TRUE;
      }
    case GEST_IMPORT_PLANS:
      return write_plan (self, record, error);
    case GEST_N_IMPORT_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Runs @sql (?1 the import's stamp, ?2..?4 the tables' last rowids before it, ?5..?6 a range
 * of record rowids) over the records in ranges of CHUNK_ROWS. A statement inside a transaction
 * keeps a journal of the pages it changes, and the search index's own statements one more per
 * row: a statement over a million rows would keep hundreds of megabytes of it. */
#define CHUNK_ROWS 500

static gboolean
run_chunked (GestImportWriter  *self,
             const char        *sql,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (self->store, sql, error);
  gint64 last = MAX (MAX (query_int (self->store, "SELECT coalesce (max (rowid), 0) FROM customers"),
                          query_int (self->store, "SELECT coalesce (max (rowid), 0) FROM vehicles")),
                     query_int (self->store, "SELECT coalesce (max (rowid), 0) FROM plans"));

  if (stmt == NULL)
    return FALSE;
  for (gint64 lo = 1; lo <= last; lo += CHUNK_ROWS)
    {
      sqlite3_bind_int64 (stmt, 1, self->stamp);
      for (guint t = 0; t < 3; t++)
        if (sqlite3_bind_parameter_count (stmt) >= 4)
          sqlite3_bind_int64 (stmt, 2 + (int) t, self->max_rowid[t]);
      sqlite3_bind_int64 (stmt, 5, lo);
      sqlite3_bind_int64 (stmt, 6, lo + CHUNK_ROWS - 1);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return gest_store_set_error (self->store, error);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* The search index rows of the records the import touched, as the triggers of 0001 and 0003
 * make them (rowid = record rowid * 4 + kind code): the old rows of the records that existed
 * before deleted, then every new row in one statement, in rowid order, so the index's tables
 * grow at their end instead of in the middle of every page. OR REPLACE: a customer renamed by
 * the import had its plans and vehicles indexed again by the rename trigger (kept). */
static gboolean
index_touched (GestImportWriter  *self,
               GError           **error)
{
  static const char * const sql[] = {
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid * 4 FROM customers "
    "WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1 AND rowid <= ?2)",
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid * 4 + 2 FROM vehicles "
    "WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1 AND rowid <= ?3)",
    "DELETE FROM search_index WHERE rowid IN (SELECT rowid * 4 + 1 FROM plans "
    "WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1 AND rowid <= ?4)",
    "INSERT OR REPLACE INTO search_index (rowid, kind, uuid, title, body) "
    "SELECT * FROM ("
    "SELECT rowid * 4, 'customer', uuid, name, rfc || ' ' || email || ' ' || phone_mobile || ' ' || city "
    "FROM customers WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1 AND deleted = 0 "
    "UNION ALL "
    "SELECT v.rowid * 4 + 2, 'vehicle', v.uuid, v.vin, v.model || ' ' || v.year || ' ' || v.plate || ' ' || "
    "coalesce ((SELECT name FROM customers WHERE uuid = v.customer_uuid), '') "
    "FROM vehicles v WHERE v.rowid BETWEEN ?5 AND ?6 AND v.updated_at = ?1 AND v.deleted = 0 "
    "UNION ALL "
    "SELECT p.rowid * 4 + 1, 'plan', p.uuid, p.number, c.name "
    "FROM plans p JOIN customers c ON c.uuid = p.customer_uuid "
    "WHERE p.rowid BETWEEN ?5 AND ?6 AND p.updated_at = ?1 AND p.deleted = 0"
    ") ORDER BY 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (!run_chunked (self, sql[i], error))
      return FALSE;
  return TRUE;
}

/* One outbox row per record touched, with every synced field (what the triggers of 0002 queue
 * for a new record; for a changed one they would list only the fields that changed). */
static gboolean
queue_touched (GestImportWriter  *self,
               GError           **error)
{
  static const char * const sql[] = {
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at) "
    "SELECT 'customer', uuid, 'upsert', sync_version, json_object ('kind', kind, 'name', name, 'rfc', rfc, "
    "'fiscal_postal_code', fiscal_postal_code, 'street', street, 'ext_number', ext_number, 'int_number', "
    "int_number, 'neighborhood', neighborhood, 'city', city, 'state_code', state_code, 'postal_code', "
    "postal_code, 'email', email, 'phone_mobile', phone_mobile, 'phone_home', phone_home, 'phone_work', "
    "phone_work), ?1 FROM customers WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1",
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at) "
    "SELECT 'vehicle', uuid, 'upsert', sync_version, json_object ('vin', vin, 'model', model, 'year', year, "
    "'km', km, 'plate', plate, 'customer_uuid', customer_uuid), ?1 FROM vehicles WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1",
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at) "
    "SELECT 'plan', uuid, 'upsert', sync_version, json_object ('number', number, 'customer_uuid', "
    "customer_uuid, 'vehicle_uuid', vehicle_uuid), ?1 FROM plans WHERE rowid BETWEEN ?5 AND ?6 AND updated_at = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (!run_chunked (self, sql[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
log_import (GestImportWriter  *self,
            const char        *file_name,
            guint              refused,
            GError           **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autofree char *user = gest_store_get_user_name (self->store);
  g_autofree char *text = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    gest_store_prepare (self->store,
                        "INSERT INTO imports (uuid, kind, file_name, created, updated, unchanged, refused, "
                        "user_name, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, gest_import_kind_id (self->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int) self->created);
  sqlite3_bind_int (stmt, 5, (int) self->updated);
  sqlite3_bind_int (stmt, 6, (int) self->unchanged);
  sqlite3_bind_int (stmt, 7, (int) refused);
  sqlite3_bind_text (stmt, 8, user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, self->stamp);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (self->store, error);
  /* TRANSLATORS: "Imported plans from conauto.csv: 10 created, 2 updated, 1 unchanged, 3 refused." */
  kind = g_utf8_strdown (gest_import_kind_label (self->kind), -1);
  text = g_strdup_printf (_("Imported %s from %s: %u created, %u updated, %u unchanged, %u refused."),
                          kind, file_name, self->created, self->updated,
                          self->unchanged, refused);
  return gest_activity_log_append (self->store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) > 0;
}

gboolean
gest_import_writer_commit (GestImportWriter  *self,
                           const char        *file_name,
                           guint              refused,
                           guint             *out_created,
                           guint             *out_updated,
                           guint             *out_unchanged,
                           GError           **error)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (!index_touched (self, error) || !queue_touched (self, error))
    goto fail;
  for (guint i = 0; i < self->trigger_sql->len; i++)
    if (!gest_store_exec (self->store, g_ptr_array_index (self->trigger_sql, i), error))
      goto fail;
  if (!gest_store_exec (self->store, "DELETE FROM sync_applying", error) ||
      !log_import (self, file_name, refused, error) ||
      !gest_store_commit (self->store, error))
    goto fail;
  *out_created = self->created;
  *out_updated = self->updated;
  *out_unchanged = self->unchanged;
  writer_free (self);
  return TRUE;

fail:
  gest_import_writer_abort (self);
  return FALSE;
}

void
gest_import_writer_abort (GestImportWriter *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  gest_store_rollback (self->store);
  writer_free (self);
}
