/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X4: documents. Content-addressed storage (same content stored once, hash verification),
 * the activity entry written in the same transaction as the row, refused empty files, and
 * the one-thread render queue (page sizes, errors for corrupt, encrypted, empty and unknown
 * files, scans, cancellation, shutdown, never two jobs at once). No display. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "gest-activity-log.h"
#include "gest-document-store.h"
#include "gest-render-queue.h"
#include "gest-store.h"
#include "gest-test-util.h"

#define MSG_DAMAGED_PDF "This PDF is damaged and cannot be shown. Ask the sender for a new copy of the document."
#define MSG_ENCRYPTED "This PDF is password-protected; Gestiona cannot show it. Ask the sender for an unprotected copy."
#define MSG_EMPTY "This file is empty (0 bytes); there is nothing to show. Ask the sender for the document again."
#define MSG_UNKNOWN "Gestiona can show PDF, JPEG, PNG and TIFF files only. Open this file with another application."

#define RECORD_A "0b6f3c1e-6a57-4c53-9d0e-5a0a1b2c3d4e"
#define RECORD_B "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"

typedef struct
{
  char              *tmpdir;
  GestStore         *store;
  GestDocumentStore *documents;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->tmpdir = gest_test_tmpdir_new ();
  path = g_build_filename (f->tmpdir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  f->documents = gest_document_store_new (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->documents);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->tmpdir);
}

static char *
fixture_sha256 (const char *name)
{
  g_autofree char *path = gest_test_data_path (name);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static GestDocument *
add_fixture (Fixture           *f,
             const char        *record,
             const char        *name,
             GestDocumentKind   kind,
             GError           **error)
{
  g_autofree char *path = gest_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return gest_document_store_add (f->documents, record, file, kind, NULL, error);
}

/* Every regular file under the files folder, temporary leftovers included. */
static void
count_files (const char *dir,
             guint      *n_blobs,
             guint      *n_other)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        count_files (child, n_blobs, n_other);
      else if (strlen (name) == 64)
        (*n_blobs)++;
      else
        (*n_other)++;
    }
}

static void
test_kinds (void)
{
  static const char * const ids[] = {
    "payment-proof", "identification", "plan-statement", "invoice", "acknowledgment", "other",
    "customer-letter", "answer-letter", "memo", "stamped-memo", "contact-report", "signed-acceptance",
  };
  static const char * const labels[] = {
    "Payment proof", "Identification", "Plan statement", "Invoice", "Acknowledgment", "Other",
    "Customer's letter", "Answer letter", "Memo", "Memo with the received stamp", "Contact actions report",
    "Signed acceptance of costs",
  };
  GestDocumentKind kind;

  g_assert_cmpuint (G_N_ELEMENTS (ids), ==, GEST_N_DOCUMENT_KINDS);
  for (guint i = 0; i < GEST_N_DOCUMENT_KINDS; i++)
    {
      g_assert_cmpstr (gest_document_kind_id ((GestDocumentKind) i), ==, ids[i]);
      g_assert_cmpstr (gest_document_kind_label ((GestDocumentKind) i), ==, labels[i]);
      g_assert_true (gest_document_kind_from_id (ids[i], &kind));
      g_assert_cmpint (kind, ==, (GestDocumentKind) i);
    }
  g_assert_false (gest_document_kind_from_id ("Invoice", &kind));
  g_assert_false (gest_document_kind_from_id ("", NULL));

  g_assert_cmpint (gest_document_kind_guess ("Factura_A-1234.pdf"), ==, GEST_DOCUMENT_KIND_INVOICE);
  g_assert_cmpint (gest_document_kind_guess ("CFDI 2026.xml"), ==, GEST_DOCUMENT_KIND_INVOICE);
  g_assert_cmpint (gest_document_kind_guess ("INE Juan.jpg"), ==, GEST_DOCUMENT_KIND_IDENTIFICATION);
  g_assert_cmpint (gest_document_kind_guess ("Identificación.PNG"), ==, GEST_DOCUMENT_KIND_IDENTIFICATION);
  g_assert_cmpint (gest_document_kind_guess ("comprobante-de-pago.pdf"), ==, GEST_DOCUMENT_KIND_PAYMENT_PROOF);
  g_assert_cmpint (gest_document_kind_guess ("SPEI 15062026.pdf"), ==, GEST_DOCUMENT_KIND_PAYMENT_PROOF);
  g_assert_cmpint (gest_document_kind_guess ("Estado de cuenta mayo.pdf"), ==, GEST_DOCUMENT_KIND_PLAN_STATEMENT);
  /* "acuse de recibo de la factura" is the acknowledgment, not the invoice nor a receipt. */
  g_assert_cmpint (gest_document_kind_guess ("Acuse de recibo factura.pdf"), ==, GEST_DOCUMENT_KIND_ACKNOWLEDGMENT);
  /* Whole words only: "línea" and "pine" hold "ine" but are no identification. */
  g_assert_cmpint (gest_document_kind_guess ("línea de captura.pdf"), ==, GEST_DOCUMENT_KIND_OTHER);
  g_assert_cmpint (gest_document_kind_guess ("pine.png"), ==, GEST_DOCUMENT_KIND_OTHER);
  g_assert_cmpint (gest_document_kind_guess ("scan0001.tiff"), ==, GEST_DOCUMENT_KIND_OTHER);
  g_assert_cmpint (gest_document_kind_guess (NULL), ==, GEST_DOCUMENT_KIND_OTHER);
}

/* X4: the same file attached twice is stored once: two rows, one file, one SHA-256. */
static void
test_content_addressed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) first = NULL;
  g_autoptr(GestDocument) second = NULL;
  g_autoptr(GestDocument) other = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GestDocument) item0 = NULL;
  g_autoptr(GestDocument) item1 = NULL;
  g_autofree char *sha = fixture_sha256 ("doc-2pages.pdf");
  g_autofree char *blob_path = NULL;
  g_autofree char *fixture = gest_test_data_path ("doc-2pages.pdf");
  g_autofree char *stored = NULL;
  g_autofree char *original = NULL;
  gsize stored_len, original_len;
  guint n_blobs = 0, n_other = 0;
  gint64 before = g_get_real_time ();

  first = add_fixture (f, RECORD_A, "doc-2pages.pdf", GEST_DOCUMENT_KIND_INVOICE, &error);
  g_assert_no_error (error);
  second = add_fixture (f, RECORD_A, "doc-2pages.pdf", GEST_DOCUMENT_KIND_PAYMENT_PROOF, &error);
  g_assert_no_error (error);
  other = add_fixture (f, RECORD_B, "scan.png", GEST_DOCUMENT_KIND_IDENTIFICATION, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (gest_document_get_sha256 (first), ==, sha);
  g_assert_cmpstr (gest_document_get_sha256 (second), ==, sha);
  g_assert_cmpstr (gest_document_get_uuid (first), !=, gest_document_get_uuid (second));
  g_assert_cmpint (gest_document_get_size (first), ==, 9321);
  g_assert_cmpstr (gest_document_get_mime_type (first), ==, "application/pdf");
  g_assert_cmpstr (gest_document_get_mime_type (other), ==, "image/png");
  g_assert_cmpstr (gest_document_get_filename (first), ==, "doc-2pages.pdf");
  g_assert_cmpstr (gest_document_get_record_uuid (first), ==, RECORD_A);
  g_assert_cmpint (gest_document_get_kind (second), ==, GEST_DOCUMENT_KIND_PAYMENT_PROOF);
  g_assert_cmpint (gest_document_get_added_at (first), >=, before);
  g_assert_cmpint (gest_document_get_added_at (first), <=, g_get_real_time ());
  {
    g_autofree char *user = gest_store_get_user_name (f->store);

    g_assert_cmpstr (gest_document_get_added_by (first), ==, user);
  }

  /* One file for the PDF, one for the PNG, no temporary leftovers. */
  count_files (gest_store_get_files_dir (f->store), &n_blobs, &n_other);
  g_assert_cmpuint (n_blobs, ==, 2);
  g_assert_cmpuint (n_other, ==, 0);

  blob_path = gest_document_store_get_content_path (f->documents, sha);
  {
    g_autofree char *expected = NULL;
    char prefix[3] = { sha[0], sha[1], '\0' };

    expected = g_build_filename (gest_store_get_files_dir (f->store), prefix, sha, NULL);
    g_assert_cmpstr (blob_path, ==, expected);
  }
  g_assert_true (g_file_get_contents (blob_path, &stored, &stored_len, NULL));
  g_assert_true (g_file_get_contents (fixture, &original, &original_len, NULL));
  g_assert_cmpmem (stored, stored_len, original, original_len);

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents"), ==, 3);
  list = gest_document_store_list (f->documents, RECORD_A, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  item0 = g_list_model_get_item (list, 0);
  item1 = g_list_model_get_item (list, 1);
  g_assert_cmpstr (gest_document_get_uuid (item0), ==, gest_document_get_uuid (first));
  g_assert_cmpstr (gest_document_get_uuid (item1), ==, gest_document_get_uuid (second));
  g_assert_cmpint (gest_document_get_kind (item0), ==, GEST_DOCUMENT_KIND_INVOICE);

  {
    g_autoptr(GestDocument) found = gest_document_store_lookup (f->documents, gest_document_get_uuid (other), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gest_document_get_filename (found), ==, "scan.png");
    g_assert_cmpint (gest_document_get_kind (found), ==, GEST_DOCUMENT_KIND_IDENTIFICATION);
    g_assert_null (gest_document_store_lookup (f->documents, "no-such-uuid", &error));
    g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  }
}

static void
add_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GestDocument **out = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *out = gest_document_store_add_finish (GEST_DOCUMENT_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
count_signal_cb (GestDocumentStore *store,
                 GestDocument      *document,
                 guint             *count)
{
  (*count)++;
}

/* The async variant copies off the calling thread and comes back to write SQLite. */
static void
test_add_async (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = gest_test_data_path ("scan.jpg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *sha = fixture_sha256 ("scan.jpg");
  g_autoptr(GListModel) list = NULL;
  GestDocument *document = NULL;
  guint signals = 0;

  g_signal_connect (f->documents, "document-added", G_CALLBACK (count_signal_cb), &signals);
  gest_document_store_add_async (f->documents, RECORD_A, file, GEST_DOCUMENT_KIND_IDENTIFICATION,
                                 NULL, add_done_cb, &document);
  g_assert_null (document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (gest_document_get_sha256 (document), ==, sha);
  g_assert_cmpstr (gest_document_get_mime_type (document), ==, "image/jpeg");
  g_assert_cmpuint (signals, ==, 1);
  list = gest_document_store_list (f->documents, RECORD_A, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_object_unref (document);
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) document = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  document = add_fixture (f, RECORD_A, "scan.png", GEST_DOCUMENT_KIND_OTHER, &error);
  g_assert_no_error (error);
  g_assert_true (gest_document_store_verify (f->documents, document, NULL, &error));
  g_assert_no_error (error);

  /* One flipped byte, same size. */
  blob = gest_document_store_get_content_path (f->documents, gest_document_get_sha256 (document));
  g_assert_true (g_file_get_contents (blob, &contents, &len, NULL));
  contents[len / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (blob, contents, len, NULL));
  g_assert_false (gest_document_store_verify (f->documents, document, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_TAMPERED);
  g_assert_cmpstr (error->message, ==,
                   "The stored copy of “scan.png” no longer matches its SHA-256 fingerprint: it was "
                   "changed or damaged on disk. Attach the original file again.");
  g_clear_error (&error);

  /* Attaching the original again repairs the stored copy (its size differs now). */
  g_assert_true (g_file_set_contents (blob, contents, len - 1, NULL));
  {
    g_autoptr(GestDocument) again = add_fixture (f, RECORD_A, "scan.png", GEST_DOCUMENT_KIND_OTHER, &error);

    g_assert_no_error (error);
  }
  g_assert_true (gest_document_store_verify (f->documents, document, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (blob), ==, 0);
  g_assert_false (gest_document_store_verify (f->documents, document, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“scan.png” is missing"));
}

static int
commit_hook_cb (void *data)
{
  (*(guint *) data)++;
  return 0;
}

/* X4 + X5: the row and its "document" activity entry are one transaction: one commit, and
 * when the entry cannot be written the row is not written either. */
static void
test_activity_same_transaction (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestDocument) document = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GestActivityEntry *entry;
  sqlite3 *db = gest_store_get_db (f->store);
  guint commits = 0;

  sqlite3_commit_hook (db, commit_hook_cb, &commits);
  document = add_fixture (f, RECORD_A, "doc-2pages.pdf", GEST_DOCUMENT_KIND_INVOICE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  sqlite3_commit_hook (db, NULL, NULL);

  entries = gest_activity_log_list (f->store, RECORD_A, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->kind, ==, GEST_ACTIVITY_DOCUMENT);
  g_assert_cmpstr (entry->text, ==, "Document attached: doc-2pages.pdf (Invoice)");
  g_assert_true (gest_activity_log_verify (f->store, RECORD_A, &error));
  g_assert_no_error (error);

  /* The activity table refuses the next entry: the document row must not stay. */
  g_assert_true (gest_store_exec (f->store,
                                  "CREATE TEMP TRIGGER refuse_activity BEFORE INSERT ON activity "
                                  "BEGIN SELECT RAISE(ABORT, 'activity refused by the test'); END",
                                  &error));
  g_assert_no_error (error);
  g_assert_null (add_fixture (f, RECORD_A, "scan.png", GEST_DOCUMENT_KIND_OTHER, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 1);
  g_assert_true (sqlite3_get_autocommit (db));
  g_assert_true (gest_store_exec (f->store, "DROP TRIGGER temp.refuse_activity", NULL));

  /* Inside a caller's transaction: a savepoint, undone with the caller's rollback. */
  g_assert_true (gest_store_begin (f->store, TRUE, &error));
  {
    g_autoptr(GestDocument) inner = add_fixture (f, RECORD_A, "scan.png", GEST_DOCUMENT_KIND_OTHER, &error);

    g_assert_no_error (error);
    g_assert_nonnull (inner);
    g_assert_false (sqlite3_get_autocommit (db));
  }
  gest_store_rollback (f->store);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 1);
}

/* X4: an empty file is refused, with a message that names it, and leaves nothing behind. */
static void
test_empty_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_blobs = 0, n_other = 0;

  g_assert_null (add_fixture (f, RECORD_A, "empty.pdf", GEST_DOCUMENT_KIND_OTHER, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“empty.pdf” is empty (0 bytes), so it was not attached. Check the file and attach it again.");
  g_clear_error (&error);

  g_assert_null (add_fixture (f, RECORD_A, "no-such-file.pdf", GEST_DOCUMENT_KIND_OTHER, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_STORE);
  g_assert_true (g_str_has_prefix (error->message, "Could not read “no-such-file.pdf”: "));

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM activity"), ==, 0);
  count_files (gest_store_get_files_dir (f->store), &n_blobs, &n_other);
  g_assert_cmpuint (n_blobs + n_other, ==, 0);
}

/* ---- Render queue ---- */

typedef struct
{
  GestRenderedPage *page;
  GError           *error;
  gboolean          done;
  GThread          *thread;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->page, gest_rendered_page_unref);
  g_clear_error (&r->error);
  r->done = FALSE;
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  g_assert_null (object);
  g_assert_false (r->done);
  r->page = gest_render_queue_render_finish (result, &r->error);
  r->thread = g_thread_self ();
  r->done = TRUE;
}

static void
wait_for (Result *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
render (GestRenderQueue *queue,
        const char      *name,
        guint            page,
        double           scale,
        int              width,
        Result          *r)
{
  g_autofree char *path = gest_test_data_path (name);

  result_clear (r);
  if (width > 0)
    gest_render_queue_render_width_async (queue, path, NULL, page, width, NULL, render_done_cb, r);
  else
    gest_render_queue_render_async (queue, path, NULL, page, scale, NULL, render_done_cb, r);
  /* Never synchronous, even from the cache. */
  g_assert_false (r->done);
  wait_for (r);
}

/* Premultiplied native-endian ARGB word of one pixel. */
static guint32
pixel_at (GestRenderedPage *page,
          int               x,
          int               y)
{
  const guint8 *data = g_bytes_get_data (gest_rendered_page_get_bytes (page), NULL);

  return *(const guint32 *) (gconstpointer) (data + y * gest_rendered_page_get_stride (page) + x * 4);
}

static void
assert_pixel_near (guint32 pixel,
                   guint32 expected)
{
  for (guint shift = 0; shift < 32; shift += 8)
    g_assert_cmpint (ABS ((int) ((pixel >> shift) & 0xff) - (int) ((expected >> shift) & 0xff)), <=, 2);
}

static void
test_render_pdf (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  Result r = { 0 };

  render (queue, "doc-2pages.pdf", 0, 1.0, 0, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.thread == g_thread_self ());
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 595);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 842);
  g_assert_cmpuint (gest_rendered_page_get_n_pages (r.page), ==, 2);
  g_assert_cmpuint (gest_rendered_page_get_page (r.page), ==, 0);
  g_assert_cmpuint (gest_rendered_page_get_stride (r.page), >=, 595 * 4);
  g_assert_cmpuint (g_bytes_get_size (gest_rendered_page_get_bytes (r.page)), ==,
                    gest_rendered_page_get_stride (r.page) * 842);
  g_assert_false (gest_rendered_page_get_first_page_only (r.page));
  /* White paper outside, the blue box (72,200)-(523,500) inside. */
  g_assert_cmphex (pixel_at (r.page, 10, 10), ==, 0xffffffff);
  assert_pixel_near (pixel_at (r.page, 300, 350), 0xff1a4db3);

  /* Page 2 is US letter landscape, at 96 dpi. */
  render (queue, "doc-2pages.pdf", 1, GEST_RENDER_SCALE_96_DPI, 0, &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 1056);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 816);
  g_assert_cmpuint (gest_rendered_page_get_page (r.page), ==, 1);
  g_assert_cmpfloat_with_epsilon (gest_rendered_page_get_page_width (r.page), 792.0, 0.001);
  assert_pixel_near (pixel_at (r.page, 500, 400), 0xffcc331a);

  /* A4 page 1 at 96 dpi: 595 × 4/3 = 793.3, 842 × 4/3 = 1122.7. */
  render (queue, "doc-2pages.pdf", 0, GEST_RENDER_SCALE_96_DPI, 0, &r);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 793);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 1123);

  /* Thumbnail: 96 px wide, 842 × 96 / 595 = 135.85 high. */
  render (queue, "doc-2pages.pdf", 0, 0, 96, &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 96);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 136);

  /* There is no third page. */
  render (queue, "doc-2pages.pdf", 2, 1.0, 0, &r);
  g_assert_error (r.error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (r.error->message, ==, "Page 3 does not exist: the document has 2 pages.");
  g_assert_null (r.page);

  /* A huge zoom is capped at 4096 pixels a side: 595 × 4096 / 842 = 2894.4. */
  render (queue, "doc-2pages.pdf", 0, 100.0, 0, &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 4096);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 2894);
  result_clear (&r);
}

static void
test_render_cache (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  Result r = { 0 };
  GBytes *first_bytes;

  render (queue, "doc-2pages.pdf", 0, 1.0, 0, &r);
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, 1);
  first_bytes = g_bytes_ref (gest_rendered_page_get_bytes (r.page));

  render (queue, "doc-2pages.pdf", 0, 1.0, 0, &r);
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, 1);
  g_assert_cmpuint (gest_render_queue_get_n_cache_hits (queue), ==, 1);
  g_assert_true (gest_rendered_page_get_bytes (r.page) == first_bytes);

  /* Another scale is another entry. */
  render (queue, "doc-2pages.pdf", 0, 0.5, 0, &r);
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, 2);

  gest_render_queue_clear_cache (queue);
  render (queue, "doc-2pages.pdf", 0, 1.0, 0, &r);
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, 3);
  g_assert_true (gest_rendered_page_get_bytes (r.page) != first_bytes);
  g_bytes_unref (first_bytes);
  result_clear (&r);
}

static void
assert_render_error (GestRenderQueue *queue,
                     const char      *path,
                     int              code,
                     const char      *message)
{
  Result r = { 0 };

  gest_render_queue_render_async (queue, path, NULL, 0, 1.0, NULL, render_done_cb, &r);
  wait_for (&r);
  g_assert_null (r.page);
  g_assert_error (r.error, GEST_ERROR, code);
  g_assert_cmpstr (r.error->message, ==, message);
  result_clear (&r);
}

/* X4: a corrupt, encrypted, empty or unknown file gives a clear message, never a crash. */
static void
test_render_errors (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  g_autofree char *corrupt = gest_test_data_path ("corrupt.pdf");
  g_autofree char *encrypted = gest_test_data_path ("encrypted.pdf");
  g_autofree char *empty = gest_test_data_path ("empty.pdf");
  g_autofree char *missing = gest_test_data_path ("no-such-file.pdf");
  g_autofree char *tmpdir = gest_test_tmpdir_new ();
  g_autofree char *text = g_build_filename (tmpdir, "notes.pdf", NULL);
  g_autofree char *bad_png = g_build_filename (tmpdir, "bad.png", NULL);
  static const char png_head[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR garbage";

  assert_render_error (queue, corrupt, GEST_ERROR_INVALID, MSG_DAMAGED_PDF);
  assert_render_error (queue, encrypted, GEST_ERROR_INVALID, MSG_ENCRYPTED);
  assert_render_error (queue, empty, GEST_ERROR_INVALID, MSG_EMPTY);
  assert_render_error (queue, missing, GEST_ERROR_NOT_FOUND,
                       "The document's file is missing or cannot be opened. Restore Gestiona's files "
                       "folder from a backup or attach the document again.");

  /* The name says PDF, the content is text: content decides. */
  g_assert_true (g_file_set_contents (text, "Nota: llamar al cliente.\n", -1, NULL));
  assert_render_error (queue, text, GEST_ERROR_INVALID, MSG_UNKNOWN);
  g_assert_true (g_file_set_contents (bad_png, png_head, sizeof png_head - 1, NULL));
  assert_render_error (queue, bad_png, GEST_ERROR_INVALID,
                       "This image is damaged and cannot be shown. Scan or photograph the document again.");

  /* The worker is still fine after all that. */
  {
    Result r = { 0 };

    render (queue, "doc-2pages.pdf", 1, 1.0, 0, &r);
    g_assert_no_error (r.error);
    g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 792);
    result_clear (&r);
  }
  gest_test_tmpdir_free (g_steal_pointer (&tmpdir));
}

/* X4: JPEG/PNG/TIFF scans. PNG without a resolution: pixel for pixel at 96 dpi; the JPEG says
 * 150 dpi, so 400 px are 2.67 inches = 256 px at 96 dpi; a multi-page TIFF shows page 1. */
static void
test_render_images (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  Result r = { 0 };

  render (queue, "scan.png", 0, GEST_RENDER_SCALE_96_DPI, 0, &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 320);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 240);
  g_assert_cmpuint (gest_rendered_page_get_n_pages (r.page), ==, 1);
  g_assert_false (gest_rendered_page_get_first_page_only (r.page));
  /* The scan's dark-blue band across the top, opaque. */
  g_assert_cmphex (pixel_at (r.page, 160, 5) >> 24, ==, 0xff);
  g_assert_cmpuint ((pixel_at (r.page, 160, 5) & 0xff), >, (pixel_at (r.page, 160, 5) >> 16) & 0xff);

  render (queue, "scan.jpg", 0, GEST_RENDER_SCALE_96_DPI, 0, &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 256);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 192);

  render (queue, "scan-2pages.tiff", 0, GEST_RENDER_SCALE_96_DPI, 0, &r);
  g_assert_no_error (r.error);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 240);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 180);
  g_assert_cmpuint (gest_rendered_page_get_n_pages (r.page), ==, 1);
  g_assert_true (gest_rendered_page_get_first_page_only (r.page));

  render (queue, "scan.png", 0, 0, 96, &r);
  g_assert_cmpint (gest_rendered_page_get_width (r.page), ==, 96);
  g_assert_cmpint (gest_rendered_page_get_height (r.page), ==, 72);

  render (queue, "scan.png", 1, 1.0, 0, &r);
  g_assert_error (r.error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (r.error->message, ==, "Page 2 does not exist: the document has 1 page.");
  result_clear (&r);
}

/* Holds the worker inside a job until the test opens the gate. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean open;
  guint    entered;
} Gate;

static void
gate_hook (gboolean running,
           gpointer user_data)
{
  Gate *gate = user_data;

  if (!running)
    return;
  g_mutex_lock (&gate->lock);
  gate->entered++;
  g_cond_broadcast (&gate->cond);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_wait_entered (Gate *gate,
                   guint n)
{
  g_mutex_lock (&gate->lock);
  while (gate->entered < n)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static gpointer
open_gate_later (gpointer data)
{
  g_usleep (50 * 1000);
  gate_open (data);
  return NULL;
}

/* A job cancelled while waiting is skipped (nothing rendered) and its callback gets
 * G_IO_ERROR_CANCELLED; a job cancelled before queuing too. */
static void
test_render_cancel (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = gest_test_data_path ("doc-2pages.pdf");
  Result busy = { 0 }, waiting = { 0 }, early = { 0 };
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  gest_render_queue_set_hook (queue, gate_hook, &gate);

  gest_render_queue_render_async (queue, path, NULL, 0, 1.0, NULL, render_done_cb, &busy);
  gate_wait_entered (&gate, 1);
  gest_render_queue_render_async (queue, path, NULL, 1, 1.0, cancellable, render_done_cb, &waiting);
  g_cancellable_cancel (cancellable);
  gest_render_queue_render_async (queue, path, NULL, 1, 2.0, cancellable, render_done_cb, &early);
  gate_open (&gate);

  wait_for (&busy);
  wait_for (&waiting);
  wait_for (&early);
  g_assert_no_error (busy.error);
  g_assert_nonnull (busy.page);
  g_assert_error (waiting.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (waiting.page);
  g_assert_error (early.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (early.page);
  /* Only the first job ran. */
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, 1);
  g_assert_cmpuint (gate.entered, ==, 1);

  result_clear (&busy);
  result_clear (&waiting);
  result_clear (&early);
  g_clear_object (&queue);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *counts = user_data;   /* [0] pages, [1] cancelled, [2] other errors */
  g_autoptr(GError) error = NULL;
  g_autoptr(GestRenderedPage) page = gest_render_queue_render_finish (result, &error);

  if (page != NULL)
    counts[0]++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    counts[1]++;
  else
    counts[2]++;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Disposing the queue: the job in progress finishes, the queued ones are failed as
 * cancelled, each callback runs once and nothing runs after. */
static void
test_render_dispose (void)
{
  GestRenderQueue *queue = gest_render_queue_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = gest_test_data_path ("doc-2pages.pdf");
  GThread *opener;
  guint counts[3] = { 0 };
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  gest_render_queue_set_hook (queue, gate_hook, &gate);

  for (guint i = 0; i < 5; i++)
    gest_render_queue_render_async (queue, path, NULL, i % 2, 1.0 + i, NULL, count_done_cb, counts);
  gate_wait_entered (&gate, 1);

  /* The worker is held inside the first job while the queue goes away. */
  opener = g_thread_new ("open-gate", open_gate_later, &gate);
  g_assert_finalize_object (queue);
  g_thread_join (opener);
  g_assert_cmpuint (gate.entered, ==, 1);

  while (counts[0] + counts[1] + counts[2] < 5)
    g_main_context_iteration (NULL, TRUE);
  spin (100);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 4);
  g_assert_cmpuint (counts[2], ==, 0);

  /* A page owner that cancels before letting go gets only cancellations. */
  memset (counts, 0, sizeof counts);
  queue = gest_render_queue_new ();
  for (guint i = 0; i < 6; i++)
    gest_render_queue_render_async (queue, path, NULL, i % 2, 0.5 + i, cancellable, count_done_cb, counts);
  g_cancellable_cancel (cancellable);
  g_assert_finalize_object (queue);
  while (counts[0] + counts[1] + counts[2] < 6)
    g_main_context_iteration (NULL, TRUE);
  spin (100);
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_cmpuint (counts[1], ==, 6);
  g_assert_cmpuint (counts[2], ==, 0);

  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

typedef struct
{
  gint     running;
  gint     max_running;
  gint     jobs;
  GMutex   lock;
  GThread *threads[4];
  guint    n_threads;
} Concurrency;

static void
concurrency_hook (gboolean running,
                  gpointer user_data)
{
  Concurrency *c = user_data;

  if (running)
    {
      int now = g_atomic_int_add (&c->running, 1) + 1;
      int max;

      while ((max = g_atomic_int_get (&c->max_running)) < now &&
             !g_atomic_int_compare_and_exchange (&c->max_running, max, now))
        ;
      g_atomic_int_inc (&c->jobs);

      g_mutex_lock (&c->lock);
      {
        gboolean seen = FALSE;

        for (guint i = 0; i < c->n_threads; i++)
          seen |= c->threads[i] == g_thread_self ();
        if (!seen && c->n_threads < G_N_ELEMENTS (c->threads))
          c->threads[c->n_threads++] = g_thread_self ();
      }
      g_mutex_unlock (&c->lock);
      /* Widen the window in which a second worker would overlap. */
      g_usleep (500);
    }
  else
    {
      g_atomic_int_add (&c->running, -1);
    }
}

/* Poppler documents are not thread-safe: many jobs on one document never overlap and all
 * run on one thread that is not the caller's. */
static void
test_render_one_thread (void)
{
  g_autoptr(GestRenderQueue) queue = gest_render_queue_new ();
  g_autofree char *path = gest_test_data_path ("doc-2pages.pdf");
  guint counts[3] = { 0 };
  Concurrency c = { 0 };
  const guint n_jobs = 40;

  g_mutex_init (&c.lock);
  gest_render_queue_set_hook (queue, concurrency_hook, &c);
  for (guint i = 0; i < n_jobs; i++)
    gest_render_queue_render_async (queue, path, "same-document", i % 2, 0.2 + i * 0.01,
                                    NULL, count_done_cb, counts);
  while (counts[0] + counts[1] + counts[2] < n_jobs)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (counts[0], ==, n_jobs);
  g_assert_cmpint (g_atomic_int_get (&c.jobs), ==, (int) n_jobs);
  g_assert_cmpint (g_atomic_int_get (&c.max_running), ==, 1);
  g_assert_cmpuint (c.n_threads, ==, 1);
  g_assert_true (c.threads[0] != g_thread_self ());
  g_assert_cmpuint (gest_render_queue_get_n_rendered (queue), ==, n_jobs);
  g_mutex_clear (&c.lock);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/X4/kinds", test_kinds);
  g_test_add ("/documents/X4/content-addressed", Fixture, NULL,
              fixture_set_up, test_content_addressed, fixture_tear_down);
  g_test_add ("/documents/X4/add-async", Fixture, NULL,
              fixture_set_up, test_add_async, fixture_tear_down);
  g_test_add ("/documents/X4/verify-hash", Fixture, NULL,
              fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/documents/X4-X5/activity-same-transaction", Fixture, NULL,
              fixture_set_up, test_activity_same_transaction, fixture_tear_down);
  g_test_add ("/documents/X4/empty-refused", Fixture, NULL,
              fixture_set_up, test_empty_refused, fixture_tear_down);
  g_test_add_func ("/documents/X4/render/pdf-pages", test_render_pdf);
  g_test_add_func ("/documents/X4/render/cache", test_render_cache);
  g_test_add_func ("/documents/X4/render/errors", test_render_errors);
  g_test_add_func ("/documents/X4/render/images", test_render_images);
  g_test_add_func ("/documents/X4/render/cancel", test_render_cancel);
  g_test_add_func ("/documents/X4/render/dispose", test_render_dispose);
  g_test_add_func ("/documents/X4/render/one-thread", test_render_one_thread);

  return g_test_run ();
}
