/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaign-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-campaign-private.h"
#include "gest-campaign-workflow.h"
#include "gest-date.h"
#include "gest-import-reader.h"
#include "gest-vin.h"

/* Ford's VIN list of a campaign (S1): one row per affected vehicle, a VIN column and, for
 * vehicles sold elsewhere, the owner's name and contact data. Read with the shared import
 * reader (CSV in UTF-8 or Windows-1252, comma, semicolon or tab; XLSX), written in one
 * transaction with statements prepared once, vehicles found by the VIN's unique index, keys
 * made in ascending order (new rows append to the B-trees) and a new vehicle put straight in
 * its column by the parts rule (S3), so nothing is written twice. */

#define IMPORT_CACHE_KIB 65536

enum { COL_VIN, COL_OWNER, COL_PHONE, COL_EMAIL, COL_ADDRESS, COL_MODEL, COL_YEAR, N_COLS };

/* Header words (lower case, without accents or blanks) of each column. */
static const char * const header_words[N_COLS][8] = {
  [COL_VIN] = { "vin", "niv", "serie", "numerodeserie", "noserie", "vehiclevin", NULL },
  [COL_OWNER] = { "propietario", "cliente", "owner", "nombre", "customer", "ownername", "nombrecliente", NULL },
  [COL_PHONE] = { "telefono", "phone", "tel", "celular", "telephone", NULL },
  [COL_EMAIL] = { "correo", "email", "e-mail", "mail", "correoelectronico", NULL },
  [COL_ADDRESS] = { "direccion", "domicilio", "address", NULL },
  [COL_MODEL] = { "modelo", "model", "vehiculo", NULL },
  [COL_YEAR] = { "ano", "anio", "year", "anomodelo", "modelyear", NULL },
};

/* The tables whose per-row triggers the import replaces by one statement after the rows. */
enum { BULK_CUSTOMERS, BULK_VEHICLES, BULK_ORIGINS, N_BULK };

static const char * const search_triggers[] = { "customers_search_insert", "vehicles_search_insert" };

enum { FIND_VEHICLE, INSERT_CUSTOMER, INSERT_VEHICLE, LINK_VEHICLE, INSERT_AFFECTED, INSERT_ORIGIN, N_STMTS };

typedef struct
{
  GestStore         *store;          /* borrowed */
  const char        *campaign_uuid;  /* borrowed */
  char              *code;
  GestVinListReport *report;
  int                cols[N_COLS];
  sqlite3_stmt      *stmts[N_STMTS];
  GHashTable        *in_campaign;    /* vehicle uuid → line 0 (before) or the file's line */
  GHashTable        *in_file;        /* VIN → line */
  GHashTable        *owners;         /* "name\nphone" → customer uuid created by this import */
  gint64             now;
  guint64            uuid_high;
  guint64            uuid_low;
  gint64             available;      /* vehicles the parts still cover; -1: any */
  gint64             max_rowid[N_BULK];  /* customers, vehicles, origins before the import */
  GPtrArray         *trigger_sql;    /* the search triggers dropped meanwhile */
  gboolean           applying;       /* this import silenced the outbox triggers */
} Import;

static void
problem_free (GestVinListProblem *problem)
{
  g_free (problem->vin);
  g_free (problem->message);
  g_free (problem);
}

void
gest_vin_list_report_free (GestVinListReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static void
import_clear (Import *self)
{
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->in_campaign, g_hash_table_unref);
  g_clear_pointer (&self->in_file, g_hash_table_unref);
  g_clear_pointer (&self->owners, g_hash_table_unref);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->report, gest_vin_list_report_free);
  g_clear_pointer (&self->trigger_sql, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Keys in ascending order, still unique across desktops: the import's start in
 * milliseconds, random bits, then a counter (as the customers' import). */
static void
next_uuid (Import *self,
           char    out[37])
{
  guint64 low = self->uuid_low++;

  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint32) (self->uuid_high >> 32), (guint) ((self->uuid_high >> 16) & 0xffff),
              (guint) (self->uuid_high & 0xffff), (guint) ((low >> 48) & 0xffff),
              low & G_GUINT64_CONSTANT (0xffffffffffff));
}

static void
add_problem (Import     *self,
             guint       line,
             const char *vin,
             char       *message)
{
  GestVinListProblem *problem = g_new0 (GestVinListProblem, 1);

  problem->line = line;
  problem->vin = g_strdup (vin != NULL ? vin : "");
  problem->message = message;
  g_ptr_array_add (self->report->problems, problem);
}

static char *
header_key (const char *cell)
{
  g_autofree char *ascii = g_str_to_ascii (cell, "C");
  GString *key = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (key, g_ascii_tolower (*p));
  return g_string_free (key, FALSE);
}

static gboolean
read_header (Import             *self,
             const char * const *cells,
             guint               n_cells,
             GError            **error)
{
  for (guint c = 0; c < N_COLS; c++)
    self->cols[c] = -1;
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *key = header_key (cells[i]);

      for (guint c = 0; c < N_COLS; c++)
        if (self->cols[c] < 0 && g_strv_contains (header_words[c], key))
          self->cols[c] = (int) i;
    }
  if (self->cols[COL_VIN] >= 0)
    return TRUE;
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The file has no VIN column: its first line must name the columns, one of them “VIN” (or “NIV”, “Serie”), as in Ford’s list."));
  return FALSE;
}

static const char *
cell (Import             *self,
      const char * const *cells,
      guint               n_cells,
      guint               col)
{
  int i = self->cols[col];

  if (i < 0 || (guint) i >= n_cells || cells[i] == NULL)
    return "";
  return cells[i];
}

static gboolean
prepare (Import  *self,
         GError **error)
{
  const char *sql[N_STMTS] = {
    [FIND_VEHICLE] = "SELECT uuid, customer_uuid IS NULL FROM vehicles WHERE vin = ?1",
    [INSERT_CUSTOMER] = "INSERT INTO customers (uuid, name, phone_mobile, email, street, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [INSERT_VEHICLE] = "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid, updated_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [LINK_VEHICLE] = "UPDATE vehicles SET customer_uuid = ?2, updated_at = ?3 WHERE uuid = ?1",
    [INSERT_AFFECTED] = "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage, stage_since,"
                        " list_owner, list_phone, list_email, list_address, imported_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?5, ?5)",
    [INSERT_ORIGIN] = "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, campaign_uuid, created_at,"
                      " updated_at) VALUES (?1, ?2, 'recall-list', ?3, ?4, ?4)",
  };

  for (guint i = 0; i < N_STMTS; i++)
    {
      self->stmts[i] = gest_store_prepare (self->store, sql[i], error);
      if (self->stmts[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
run (sqlite3_stmt  *stmt,
     GestStore     *store,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* The vehicles already in the campaign (a re-import of the same list adds nothing). */
static gboolean
load_campaign (Import  *self,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  self->code = gest_campaign_query_text (self->store,
                                         "SELECT code FROM campaigns WHERE uuid = ?1 AND deleted = 0",
                                         self->campaign_uuid, error);
  if (self->code == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("This campaign no longer exists."));
      return FALSE;
    }
  stmt = gest_store_prepare (self->store,
                             "SELECT vehicle_uuid FROM campaign_vehicles WHERE campaign_uuid = ?1 AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->campaign_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->in_campaign, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER (0));
  if (rc != SQLITE_DONE)
    return gest_store_set_error (self->store, error);
  return TRUE;
}

/* The list's phone as digits (the last 10 of a number written with +52 or spaces). */
static char *
clean_phone (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len > 10)
    g_string_erase (digits, 0, digits->len - 10);
  return g_string_free (digits, FALSE);
}

/* The owner the list gives for a vehicle without one: a customer created by this import
 * and marked "recall-list" (the data-use rule); one per name and phone. */
static const char *
list_owner (Import      *self,
            const char  *owner,
            const char  *phone,
            const char  *email,
            const char  *address,
            GError     **error)
{
  g_autofree char *key = g_strconcat (owner, "\n", phone, NULL);
  const char *uuid = g_hash_table_lookup (self->owners, key);
  char customer[37];
  char origin[37];

  if (uuid != NULL)
    return uuid;
  next_uuid (self, customer);
  sqlite3_bind_text (self->stmts[INSERT_CUSTOMER], 1, customer, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->stmts[INSERT_CUSTOMER], 2, owner, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->stmts[INSERT_CUSTOMER], 3, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->stmts[INSERT_CUSTOMER], 4, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->stmts[INSERT_CUSTOMER], 5, address, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->stmts[INSERT_CUSTOMER], 6, self->now);
  if (!run (self->stmts[INSERT_CUSTOMER], self->store, error))
    return NULL;
  next_uuid (self, origin);
  sqlite3_bind_text (self->stmts[INSERT_ORIGIN], 1, origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->stmts[INSERT_ORIGIN], 2, customer, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->stmts[INSERT_ORIGIN], 3, self->campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->stmts[INSERT_ORIGIN], 4, self->now);
  if (!run (self->stmts[INSERT_ORIGIN], self->store, error))
    return NULL;
  uuid = g_strdup (customer);
  g_hash_table_insert (self->owners, g_steal_pointer (&key), (gpointer) uuid);
  return uuid;
}

static gboolean
import_row (Import             *self,
            guint               line,
            const char * const *cells,
            guint               n_cells,
            GError            **error)
{
  g_autofree char *vin = g_ascii_strup (g_strstrip (g_strdup (cell (self, cells, n_cells, COL_VIN))), -1);
  g_autofree char *message = NULL;
  g_autofree char *phone = clean_phone (cell (self, cells, n_cells, COL_PHONE));
  g_autofree char *owner = g_strstrip (g_strdup (cell (self, cells, n_cells, COL_OWNER)));
  g_autofree char *email = g_strstrip (g_strdup (cell (self, cells, n_cells, COL_EMAIL)));
  g_autofree char *address = g_strstrip (g_strdup (cell (self, cells, n_cells, COL_ADDRESS)));
  g_autofree char *vehicle = NULL;
  sqlite3_stmt *stmt;
  gpointer first;
  gboolean no_customer = FALSE;
  char affected[37];
  int stage;

  self->report->n_rows++;
  if (*vin == '\0')
    {
      add_problem (self, line, vin, g_strdup (_("This row has no VIN.")));
      return TRUE;
    }
  if (gest_vin_check (vin, &message) != GEST_CHECK_VALID)
    {
      add_problem (self, line, vin, g_steal_pointer (&message));
      return TRUE;
    }
  if (g_hash_table_lookup_extended (self->in_file, vin, NULL, &first))
    {
      self->report->n_duplicates++;
      add_problem (self, line, vin,
                   g_strdup_printf (_("VIN %s is in the list twice: line %u has it already."),
                                    vin, GPOINTER_TO_UINT (first)));
      return TRUE;
    }
  g_hash_table_insert (self->in_file, g_strdup (vin), GUINT_TO_POINTER (line));

  stmt = self->stmts[FIND_VEHICLE];
  sqlite3_bind_text (stmt, 1, vin, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      no_customer = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (vehicle != NULL && g_hash_table_contains (self->in_campaign, vehicle))
    {
      self->report->n_duplicates++;
      add_problem (self, line, vin,
                   g_strdup_printf (_("VIN %s is already in campaign %s."), vin, self->code));
      return TRUE;
    }
  if (vehicle == NULL || no_customer)
    {
      const char *customer = NULL;

      if (*owner != '\0')
        {
          customer = list_owner (self, owner, phone, email, address, error);
          if (customer == NULL)
            return FALSE;
        }
      if (vehicle == NULL)
        {
          const char *year = cell (self, cells, n_cells, COL_YEAR);
          char uuid[37];

          next_uuid (self, uuid);
          stmt = self->stmts[INSERT_VEHICLE];
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, vin, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, cell (self, cells, n_cells, COL_MODEL), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 4, (int) CLAMP (g_ascii_strtoll (year, NULL, 10), 0, 9999));
          sqlite3_bind_text (stmt, 5, customer, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 6, self->now);
          if (!run (stmt, self->store, error))
            return FALSE;
          vehicle = g_strdup (uuid);
          self->report->n_vehicles_created++;
        }
      else if (customer != NULL)
        {
          stmt = self->stmts[LINK_VEHICLE];
          sqlite3_bind_text (stmt, 1, vehicle, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, customer, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, self->now);
          if (!run (stmt, self->store, error))
            return FALSE;
        }
    }

  /* S3: in "Por contactar" while the parts cover one more vehicle, else waiting for them. */
  stage = GEST_CAMPAIGN_PARTS_PENDING;
  if (self->available != 0)
    {
      stage = GEST_CAMPAIGN_TO_CONTACT;
      if (self->available > 0)
        self->available--;
    }
  next_uuid (self, affected);
  stmt = self->stmts[INSERT_AFFECTED];
  sqlite3_bind_text (stmt, 1, affected, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, vehicle, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, stage);
  sqlite3_bind_int64 (stmt, 5, self->now);
  sqlite3_bind_text (stmt, 6, owner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, address, -1, SQLITE_STATIC);
  if (!run (stmt, self->store, error))
    return FALSE;
  g_hash_table_insert (self->in_campaign, g_steal_pointer (&vehicle), GUINT_TO_POINTER (line));
  self->report->n_added++;
  return TRUE;
}

/* --- Bulk work instead of the per-row triggers ------------------------------------------ *
 * As the customers' import (src/plans/gest-import-write.c): inside the transaction the
 * sync_applying row silences the outbox triggers and the search index's insert triggers are
 * dropped (and put back before the commit, so no other connection sees them missing); after
 * the rows one INSERT … SELECT queues every record the import made or changed, and one
 * indexes the new customers and vehicles. A row-by-row trigger costs more than the row. */

static gboolean
bulk_begin (Import  *self,
            GError **error)
{
  static const char * const max_sql[N_BULK] = {
    "SELECT coalesce (max (rowid), 0) FROM customers",
    "SELECT coalesce (max (rowid), 0) FROM vehicles",
    "SELECT coalesce (max (rowid), 0) FROM customer_data_origins",
  };
  g_autoptr(GError) local = NULL;

  for (guint i = 0; i < N_BULK; i++)
    {
      self->max_rowid[i] = gest_campaign_query_int (self->store, max_sql[i], NULL, 0, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  self->trigger_sql = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (search_triggers); i++)
    {
      g_autofree char *sql = gest_campaign_query_text (self->store,
                                                       "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                                                       search_triggers[i], &local);
      g_autofree char *drop = NULL;

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (sql == NULL)
        continue;
      g_ptr_array_add (self->trigger_sql, g_steal_pointer (&sql));
      drop = g_strdup_printf ("DROP TRIGGER %s", search_triggers[i]);
      if (!gest_store_exec (self->store, drop, error))
        return FALSE;
    }
  if (gest_campaign_query_int (self->store, "SELECT count (*) FROM sync_applying", NULL, 0, NULL) == 0)
    {
      if (!gest_store_exec (self->store, "INSERT INTO sync_applying (one) VALUES (1)", error))
        return FALSE;
      self->applying = TRUE;
    }
  return TRUE;
}

static gboolean
bulk_end (Import  *self,
          GError **error)
{
  static const char * const sql[] = {
    /* The search index, in rowid order (0001's scheme for customers and vehicles). */
    "INSERT INTO search_index (rowid, kind, uuid, title, body)"
    " SELECT rowid * 4, 'customer', uuid, name, rfc || ' ' || email || ' ' || phone_mobile || ' ' || city"
    " FROM customers WHERE rowid > ?1 AND deleted = 0",
    "INSERT INTO search_index (rowid, kind, uuid, title, body)"
    " SELECT v.rowid * 4 + 2, 'vehicle', v.uuid, v.vin, v.model || ' ' || v.year || ' ' || v.plate || ' ' ||"
    " coalesce ((SELECT name FROM customers WHERE uuid = v.customer_uuid), '')"
    " FROM vehicles v WHERE v.rowid > ?2 AND v.deleted = 0",
    /* The outbox: what the triggers of 0002 and 0015 queue for each new row, and the owner
     * given to a known vehicle. Only while this import silenced them. */
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)"
    " SELECT 'customer', uuid, 'upsert', sync_version, json_object ('kind', kind, 'name', name, 'rfc', rfc,"
    " 'fiscal_postal_code', fiscal_postal_code, 'street', street, 'ext_number', ext_number, 'int_number',"
    " int_number, 'neighborhood', neighborhood, 'city', city, 'state_code', state_code, 'postal_code',"
    " postal_code, 'email', email, 'phone_mobile', phone_mobile, 'phone_home', phone_home, 'phone_work',"
    " phone_work), ?4 FROM customers WHERE rowid > ?1 AND ?6",
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)"
    " SELECT 'vehicle', uuid, 'upsert', sync_version, json_object ('vin', vin, 'model', model, 'year', year,"
    " 'km', km, 'plate', plate, 'customer_uuid', customer_uuid), ?4 FROM vehicles WHERE rowid > ?2 AND ?6",
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)"
    " SELECT 'vehicle', uuid, 'upsert', sync_version, json_object ('customer_uuid', customer_uuid), ?4"
    " FROM vehicles WHERE rowid <= ?2 AND updated_at = ?4 AND uuid IN"
    " (SELECT vehicle_uuid FROM campaign_vehicles WHERE campaign_uuid = ?5 AND imported_at = ?4) AND ?6",
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)"
    " SELECT 'customer_data_origin', uuid, 'upsert', sync_version, json_object ('customer_uuid', customer_uuid,"
    " 'origin', origin, 'campaign_uuid', campaign_uuid, 'created_at', created_at), ?4"
    " FROM customer_data_origins WHERE rowid > ?3 AND ?6",
    "INSERT INTO sync_outbox (entity, uuid, op, base_version, fields, created_at)"
    " SELECT 'campaign_vehicle', uuid, 'upsert', sync_version, json_object ('campaign_uuid', campaign_uuid,"
    " 'vehicle_uuid', vehicle_uuid, 'stage', stage, 'stage_since', stage_since, 'closeout', closeout,"
    " 'closed_by', closed_by, 'closed_at', closed_at, 'list_owner', list_owner, 'list_phone', list_phone,"
    " 'list_email', list_email, 'list_address', list_address, 'imported_at', imported_at), ?4"
    " FROM campaign_vehicles WHERE campaign_uuid = ?5 AND imported_at = ?4 AND ?6",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (self->store, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      for (guint b = 0; b < N_BULK; b++)
        sqlite3_bind_int64 (stmt, (int) b + 1, self->max_rowid[b]);
      sqlite3_bind_int64 (stmt, 4, self->now);
      sqlite3_bind_text (stmt, 5, self->campaign_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, self->applying ? 1 : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return gest_store_set_error (self->store, error);
    }
  for (guint i = 0; i < self->trigger_sql->len; i++)
    if (!gest_store_exec (self->store, g_ptr_array_index (self->trigger_sql, i), error))
      return FALSE;
  if (self->applying && !gest_store_exec (self->store, "DELETE FROM sync_applying", error))
    return FALSE;
  return TRUE;
}

/* Inside the transaction: every row of @reader after its header. */
static gboolean
import_rows (Import            *self,
             GestImportReader  *reader,
             const char        *file_name,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;
  const char * const *cells;
  guint n_cells;
  guint covered;

  if (!gest_store_check_permission (self->store, GEST_CAMPAIGN_PERMISSION_MANAGE, error) ||
      !load_campaign (self, error) || !prepare (self, error) || !bulk_begin (self, error))
    return FALSE;
  /* Vehicles imported before go first (S3: oldest import first). */
  if (!gest_campaign_release (self->store, self->campaign_uuid, NULL, error))
    return FALSE;
  covered = gest_campaign_coverage (self->store, self->campaign_uuid, NULL, &local);
  if (local == NULL && covered != G_MAXUINT)
    {
      guint holding = gest_campaign_holding (self->store, self->campaign_uuid, &local);

      self->available = covered > holding ? covered - holding : 0;
    }
  else
    self->available = -1;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  while (gest_import_reader_next (reader, &cells, &n_cells, &local))
    {
      guint line = gest_import_reader_get_row (reader);
      const char *problem = gest_import_reader_get_problem (reader);

      if ((self->report->n_rows & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (problem != NULL)
        {
          self->report->n_rows++;
          add_problem (self, line, cell (self, cells, n_cells, COL_VIN), g_strdup (problem));
          continue;
        }
      if (!import_row (self, line, cells, n_cells, error))
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!bulk_end (self, error))
    return FALSE;
  text = g_strdup_printf (_("VIN list “%s” imported into campaign %s: %u rows, %u vehicles added (%u new to the dealer), %u duplicates, %u rows with problems."),
                          file_name, self->code, self->report->n_rows, self->report->n_added,
                          self->report->n_vehicles_created, self->report->n_duplicates,
                          self->report->problems->len - self->report->n_duplicates);
  return gest_activity_log_append (self->store, self->campaign_uuid, GEST_ACTIVITY_STATUS, text,
                                   NULL, NULL, error) >= 0;
}

GestVinListReport *
gest_campaign_import_vins (GestStore     *store,
                           const char    *campaign_uuid,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(Import) self = { 0 };
  g_autoptr(GestImportReader) reader = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const char * const *cells;
  guint n_cells;
  gboolean own = FALSE;
  gint64 old_cache;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign_uuid != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a file on this computer: copy it to a folder first."), name);
      return NULL;
    }
  reader = gest_import_reader_open (path, error);
  if (reader == NULL)
    return NULL;
  self.store = store;
  self.campaign_uuid = campaign_uuid;
  self.report = g_new0 (GestVinListReport, 1);
  self.report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  if (!gest_import_reader_next (reader, &cells, &n_cells, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("“%s” is empty: export Ford’s VIN list again."), name);
      return NULL;
    }
  if (!read_header (&self, cells, n_cells, error))
    return NULL;

  self.in_campaign = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.now = gest_timestamp_now ();
  self.uuid_high = ((guint64) (self.now / 1000) << 16) | (g_random_int () & 0xffff);
  self.uuid_low = ((guint64) g_random_int () << 32) & G_GUINT64_CONSTANT (0xffff00000000);

  /* A page cache large enough for the rows' pages, so none is written twice before the
   * commit (as the customers' import). */
  old_cache = gest_campaign_query_int (store, "PRAGMA cache_size", NULL, -2000, NULL);
  gest_store_exec (store, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), NULL);
  if (!gest_store_begin_change (store, "gest_campaign_import_vins", &own, error))
    return NULL;
  ok = import_rows (&self, reader, name, cancellable, error);
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self.stmts[i], sqlite3_finalize);
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, old_cache);

    gest_store_exec (store, restore, NULL);
  }
  if (!gest_store_end_change (store, "gest_campaign_import_vins", own, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&self.report);
}
