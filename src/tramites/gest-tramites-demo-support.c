/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramites-demo"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gest-blob.h"
#include "gest-tramites-demo-private.h"

/* A one-page PDF ("Comprobante de pago") with a correct cross-reference table. */
GBytes *
gest_tramites_demo_build_pdf (void)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 396] /Contents 4 0 R"
    " /Resources << /Font << /F1 5 0 R >> >> >>",
    NULL,   /* the content stream */
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  const char *content = "BT /F1 20 Tf 72 320 Td (Comprobante de pago) Tj"
                        " 0 -30 Td /F1 12 Tf (Documento de demostracion de Gestiona) Tj ET";
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      if (objects[i] != NULL)
        g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
      else
        g_string_append_printf (pdf, "%u 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n",
                                i + 1, strlen (content), content);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* Stores the demonstration PDF once in the files folder (content-addressed, like any
 * attachment), so every demo document row points at a real, previewable file. */
gboolean
gest_tramites_demo_store_pdf (GestStore  *store,
                              char      **out_sha256,
                              gint64     *out_size,
                              GError    **error)
{
  g_autoptr(GBytes) pdf = gest_tramites_demo_build_pdf ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  GestBlobInfo info = { 0 };
  gboolean ok;

  tmpdir = g_dir_make_tmp ("gestiona-demo-XXXXXX", error);
  if (tmpdir == NULL)
    return FALSE;
  path = g_build_filename (tmpdir, "comprobante-pago.pdf", NULL);
  ok = g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), error);
  if (ok)
    {
      file = g_file_new_for_path (path);
      ok = gest_blob_store_file (gest_store_get_files_dir (store), file, &info, NULL, error);
    }
  g_unlink (path);
  g_rmdir (tmpdir);
  if (!ok)
    return FALSE;

  *out_sha256 = g_strdup (info.sha256);
  *out_size = info.size;
  gest_blob_info_clear (&info);
  return TRUE;
}

/* A million rows touch more index pages than SQLite's default 2 MB cache holds; without a
 * larger cache the transaction spills pages to the WAL over and over. The connection's own
 * setting is put back afterwards. Returns the previous setting. */
gint64
gest_tramites_demo_enlarge_cache (GestStore *store)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, "PRAGMA cache_size", NULL);
  gint64 previous = -2000;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* Negative values are KiB, positive ones pages (4 KiB here). */
  if ((previous < 0 ? -previous : previous * 4) < 256 * 1024)
    gest_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  return previous;
}

void
gest_tramites_demo_restore_cache (GestStore *store,
                                  gint64     previous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, previous);

  gest_store_exec (store, sql, NULL);
}
