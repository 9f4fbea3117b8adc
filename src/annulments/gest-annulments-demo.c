/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulments-demo"

#include "config.h"

#include <glib/gstdio.h>

#include "gest-annulment.h"
#include "gest-annulments-demo.h"
#include "gest-blob.h"
#include "gest-date.h"
#include "gest-demo.h"

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)

static const char demo_pdf[] =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
  "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
  "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
  "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
static const char demo_csv[] =
  "Concepto,Valor\r\nAnulación,Demostración\r\n";

typedef struct
{
  char   *sha256;
  gint64  size;
} Blob;

static gboolean
store_blob (GestStore   *store,
            const char  *name,
            const char  *content,
            Blob        *out,
            GError     **error)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("gestiona-demo-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GestBlobInfo info = { 0 };
  gboolean ok;

  if (tmpdir == NULL)
    return FALSE;
  path = g_build_filename (tmpdir, name, NULL);
  ok = g_file_set_contents (path, content, -1, error);
  if (ok)
    {
      file = g_file_new_for_path (path);
      ok = gest_blob_store_file (gest_store_get_files_dir (store), file, &info, NULL, error);
    }
  g_unlink (path);
  g_rmdir (tmpdir);
  if (!ok)
    return FALSE;
  out->sha256 = g_strdup (info.sha256);
  out->size = info.size;
  gest_blob_info_clear (&info);
  return TRUE;
}

typedef struct
{
  GestStore    *store;
  sqlite3_stmt *insert;
  sqlite3_stmt *document;
  Blob          pdf;
  Blob          csv;
  gint64        now;
} Demo;

static gboolean
add_document (Demo             *demo,
              const char       *record_uuid,
              GestAnnulmentDoc  doc,
              gint64            at,
              GError          **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  gboolean spreadsheet = gest_annulment_doc_is_spreadsheet (doc);
  const Blob *blob = spreadsheet ? &demo->csv : &demo->pdf;
  const char *kind = gest_document_kind_id (gest_annulment_doc_kind (doc));
  g_autofree char *name = g_strconcat (kind, spreadsheet ? ".csv" : ".pdf", NULL);
  sqlite3_stmt *stmt = demo->document;

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, blob->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, blob->size);
  sqlite3_bind_text (stmt, 6, spreadsheet ? "text/csv" : "application/pdf", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, at);
  sqlite3_bind_text (stmt, 9, gest_demo_user_name_for_role (GEST_ROLE_CS_ANALYST), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (demo->store, error);
  return TRUE;
}

/* Valid folios fiscales drawn from the demo's GRand (the same seed, the same data). */
static char *
demo_cfdi (GRand *rand)
{
  return g_strdup_printf ("%08X-%04X-4%03X-%04X-%04X%08X", g_rand_int (rand),
                          g_rand_int_range (rand, 0, 0x10000), g_rand_int_range (rand, 0, 0x1000),
                          0x8000 | g_rand_int_range (rand, 0, 0x4000),
                          g_rand_int_range (rand, 0, 0x10000), g_rand_int (rand));
}

static gboolean
add_annulment (Demo        *demo,
               GRand       *rand,
               guint        i,
               const char  *customer_uuid,
               const char  *plan_uuid,
               const char  *complaint_uuid,
               const char  *city,
               int          stage,
               GError     **error)
{
  g_autofree char *uuid = gest_uuid_new ();
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autofree char *folio = gest_store_next_folio (demo->store, GEST_ANNULMENT_FOLIO_PREFIX,
                                                  g_date_time_get_year (today), error);
  g_autofree char *cfdi = demo_cfdi (rand);
  g_autofree char *substitute = NULL;
  gboolean with_costs = i % 4 == 0;
  gboolean reinvoice = i % 7 != 3;
  gint64 created = demo->now - (gint64) g_rand_int_range (rand, 10, 120) * DAY_USEC;
  gint64 at[GEST_N_ANNULMENT_STAGES];
  const char *reason = reinvoice ? "01" : "02";
  sqlite3_stmt *stmt = demo->insert;

  if (folio == NULL)
    return FALSE;
  if (!reinvoice && stage == GEST_ANNULMENT_REINVOICE_APPROVED)
    stage = GEST_ANNULMENT_FILED;
  at[0] = created;
  for (int s = 1; s < GEST_N_ANNULMENT_STAGES; s++)
    at[s] = at[s - 1] + (gint64) g_rand_int_range (rand, 1, 4) * DAY_USEC;
  if (g_str_equal (reason, "01"))
    substitute = demo_cfdi (rand);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, folio, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, complaint_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, stage);
  sqlite3_bind_int64 (stmt, 7, at[stage]);
  sqlite3_bind_text (stmt, 8, city, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, cfdi, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, substitute, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, with_costs);
  sqlite3_bind_int64 (stmt, 13, with_costs ? 150000 : 0);
  sqlite3_bind_int (stmt, 14, reinvoice);
  if (stage >= 1)
    sqlite3_bind_int64 (stmt, 15, at[1]);
  if (stage >= 2)
    {
      sqlite3_bind_text (stmt, 16, gest_demo_user_name_for_role (GEST_ROLE_CS_HEAD), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 17, at[2]);
    }
  if (stage >= 3)
    {
      sqlite3_bind_text (stmt, 18, gest_demo_user_name_for_role (GEST_ROLE_CS_COORDINATOR), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 19, at[3]);
    }
  if (stage >= 4 && reinvoice)
    {
      sqlite3_bind_text (stmt, 20, gest_demo_user_name_for_role (GEST_ROLE_CS_COORDINATOR), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 21, at[4]);
    }
  if (stage >= 5)
    sqlite3_bind_int64 (stmt, 22, at[5]);
  sqlite3_bind_int64 (stmt, 23, created);
  sqlite3_bind_int64 (stmt, 24, at[stage]);
  sqlite3_bind_text (stmt, 25, gest_demo_user_name_for_role (GEST_ROLE_CS_ANALYST), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return gest_store_set_error (demo->store, error);

  /* The documents the stage needs; a request has some of them yet. */
  for (guint d = 0; d < GEST_ANNULMENT_N_REQUEST_DOCS; d++)
    if ((stage >= 1 || d < i % GEST_ANNULMENT_N_REQUEST_DOCS) &&
        !add_document (demo, uuid, d, created, error))
      return FALSE;
  if (with_costs && stage >= 2 &&
      !add_document (demo, uuid, GEST_ANNULMENT_DOC_SIGNED_ACCEPTANCE, at[1], error))
    return FALSE;
  if (stage >= 5 && !add_document (demo, uuid, GEST_ANNULMENT_DOC_STAMPED_MEMO, at[5], error))
    return FALSE;
  if (stage >= 3)
    {
      g_autofree char *listed = gest_uuid_new ();
      g_autofree char *sql = g_strdup_printf ("INSERT INTO annulled_customers (uuid, customer_uuid,"
                                              " annulment_uuid, registered_by, registered_at, updated_at)"
                                              " VALUES ('%s', '%s', '%s', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                              listed, customer_uuid, uuid,
                                              gest_demo_user_name_for_role (GEST_ROLE_CS_COORDINATOR),
                                              at[3], at[3]);

      if (!gest_store_exec (demo->store, sql, error))
        return FALSE;
    }
  if (complaint_uuid != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE complaints SET annulment_uuid = '%s' WHERE uuid = '%s'",
                                              uuid, complaint_uuid);

      if (!gest_store_exec (demo->store, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
gest_annulments_demo_fill (GestStore  *store,
                           guint       n,
                           GRand      *rand,
                           GError    **error)
{
  Demo demo = { store, NULL, NULL, { 0 }, { 0 }, g_get_real_time () };
  sqlite3_stmt *plans = NULL;
  guint count = MAX (6, n / 100);
  guint i = 0;
  gboolean ok = FALSE;
  int rc;

  if (!store_blob (store, "anulacion.pdf", demo_pdf, &demo.pdf, error) ||
      !store_blob (store, "anulacion.csv", demo_csv, &demo.csv, error))
    goto out;
  demo.insert = gest_store_prepare (store,
                                    "INSERT INTO annulments (uuid, folio, complaint_uuid, customer_uuid,"
                                    " plan_uuid, stage, stage_since, city, invoice_number, cfdi_uuid,"
                                    " cancel_reason, substitute_cfdi_uuid, with_costs, costs_amount,"
                                    " reinvoice, sent_at, approved_by, approved_at, registered_by,"
                                    " registered_at, reinvoice_approved_by, reinvoice_approved_at,"
                                    " filed_at, created_by, created_at, updated_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'F-' || substr (?2, 10), ?9,"
                                    " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                                    " ?25, ?23, ?24)", error);
  demo.document = gest_store_prepare (store,
                                      "INSERT INTO documents (uuid, record_uuid, kind, sha256, size,"
                                      " mime_type, filename, added_by, added_at, updated_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, ?8, ?8)",
                                      error);
  if (demo.insert == NULL || demo.document == NULL)
    goto out;
  /* Q1: the request emails go to customer service's shared mailbox. */
  if (!gest_store_exec (store,
                        "INSERT OR IGNORE INTO settings (key, value) VALUES"
                        " ('annulments.head-email', 'atencion.clientes@ejemplo.com.mx')", error))
    goto out;

  /* Q12: the complaints the demo left waiting at "annulment" end in one (not filed yet). */
  plans = gest_store_prepare (store,
                              "SELECT q.customer_uuid, q.plan_uuid, q.uuid, c.city FROM complaints q"
                              " JOIN customers c ON c.uuid = q.customer_uuid"
                              " WHERE q.stage = 5 AND q.annulment_uuid IS NULL AND q.deleted = 0"
                              " LIMIT ?1", error);
  if (plans == NULL)
    goto out;
  sqlite3_bind_int (plans, 1, (int) MAX (1, count / 5));
  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      const char *city = (const char *) sqlite3_column_text (plans, 3);

      if (!add_annulment (&demo, rand, i, (const char *) sqlite3_column_text (plans, 0),
                          (const char *) sqlite3_column_text (plans, 1),
                          (const char *) sqlite3_column_text (plans, 2),
                          city != NULL && *city != '\0' ? city : "Ciudad de México",
                          (int) (i % GEST_ANNULMENT_FILED), error))
        goto out;
      i++;
    }
  g_clear_pointer (&plans, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }

  plans = gest_store_prepare (store,
                              "SELECT p.customer_uuid, p.uuid, c.city FROM plans p"
                              " JOIN customers c ON c.uuid = p.customer_uuid"
                              " WHERE p.deleted = 0 ORDER BY p.rowid DESC LIMIT ?1", error);
  if (plans == NULL)
    goto out;
  sqlite3_bind_int (plans, 1, (int) (count - MIN (i, count)));
  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      const char *city = (const char *) sqlite3_column_text (plans, 2);

      if (!add_annulment (&demo, rand, i, (const char *) sqlite3_column_text (plans, 0),
                          (const char *) sqlite3_column_text (plans, 1), NULL,
                          city != NULL && *city != '\0' ? city : "Ciudad de México",
                          (int) (i % GEST_N_ANNULMENT_STAGES), error))
        goto out;
      i++;
    }
  if (rc != SQLITE_DONE)
    {
      gest_store_set_error (store, error);
      goto out;
    }
  ok = TRUE;

out:
  g_clear_pointer (&plans, sqlite3_finalize);
  g_clear_pointer (&demo.insert, sqlite3_finalize);
  g_clear_pointer (&demo.document, sqlite3_finalize);
  g_free (demo.pdf.sha256);
  g_free (demo.csv.sha256);
  return ok;
}
