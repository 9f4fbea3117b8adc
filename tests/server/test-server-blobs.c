/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Document uploads stored in parts (#16.8, X3), against a real PostgreSQL 15 and
 * gestiona-server (tests/server/pg-env.sh, with GESTIONA_SERVER_MAX_BODY above 1 MiB).
 *
 * GESTIONA_BLOB_BENCH_MIB sets the size of the upload-part-cost-flat upload (32 MiB by
 * default; the issue measured 128). */
#include "config.h"

#include <string.h>

#include "gest-server-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define PART (1024 * 1024)

static GBytes *
random_bytes (gsize size)
{
  guint8 *data = g_malloc (size);
  GRand *rand = g_rand_new_with_seed (16008);

  for (gsize i = 0; i + 4 <= size; i += 4)
    {
      guint32 v = g_rand_int (rand);

      memcpy (data + i, &v, 4);
    }
  for (gsize i = size - size % 4; i < size; i++)
    data[i] = (guint8) g_rand_int (rand);
  g_rand_free (rand);
  return g_bytes_new_take (data, size);
}

/* PATCH one part; returns the reply. */
static TestReply *
patch_part (TestDevice *device,
            const char *sha,
            GBytes     *all,
            gsize       offset,
            gsize       len)
{
  g_autofree char *path = g_strconcat ("/v1/blobs/", sha, NULL);
  g_autofree char *offset_text = g_strdup_printf ("%zu", offset);
  g_autofree char *length_text = g_strdup_printf ("%zu", g_bytes_get_size (all));
  const char *headers[] = { "Upload-Offset", offset_text, "Upload-Length", length_text, NULL };
  g_autoptr(GBytes) part = g_bytes_new_from_bytes (all, offset, len);

  return test_http (NULL, "PATCH", path, device->token, "application/octet-stream", part, headers);
}

static gint64
query_int (const char *sql,
           const char *param)
{
  PGconn *conn = test_pg_connect (TRUE);
  g_autoptr(PGresult) res = test_pg (conn, sql, param != NULL ? 1 : 0, param);
  gint64 value;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (res), ==, 1);
  value = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQfinish (conn);
  return value;
}

/* Everything the server keeps for documents, whatever tables hold it. */
static gint64
blob_storage_bytes (void)
{
  return query_int ("SELECT coalesce (sum (pg_total_relation_size (c.oid)), 0) FROM pg_class c"
                    " WHERE c.relname IN ('blobs', 'blob_parts') AND c.relkind = 'r'", NULL);
}

static void
assert_download (TestDevice *device,
                 const char *sha,
                 GBytes     *expected)
{
  g_autofree char *path = g_strconcat ("/v1/blobs/", sha, NULL);
  g_autoptr(TestReply) got = test_http (NULL, "GET", path, device->token, NULL, NULL, NULL);

  g_assert_cmpuint (got->status, ==, 200);
  g_assert_true (g_bytes_equal (got->body, expected));
}

/* #16.8: a document uploaded in 1 MiB parts. Each part costs about the same, the last as the
 * first (appending to one bytea made the last parts of 128 MiB take 2-3 s each), and the
 * tables hold about the document's size (they grew to 9.1 GB of dead versions). */
static void
test_upload_part_cost_flat (void)
{
  guint mib = (guint) g_ascii_strtoull (g_getenv ("GESTIONA_BLOB_BENCH_MIB") ? g_getenv ("GESTIONA_BLOB_BENCH_MIB") : "32",
                                        NULL, 10);
  gsize size = (gsize) MAX (mib, 16u) * PART;
  guint parts = (guint) (size / PART);
  g_autofree char *dealer = test_new_dealer ("Ford Satélite");
  g_autoptr(TestDevice) device = test_enroll (dealer, "Caja");
  g_autoptr(GBytes) all = random_bytes (size);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, all);
  g_autofree double *seconds = g_new0 (double, parts);
  gint64 before = blob_storage_bytes ();
  gint64 after;
  gint64 total_start = g_get_monotonic_time ();
  double first = 0, last = 0, ratio, total;

  for (guint i = 0; i < parts; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TestReply) reply = patch_part (device, sha, all, (gsize) i * PART, PART);

      seconds[i] = (g_get_monotonic_time () - start) / 1e6;
      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Upload-Complete"), ==,
                       i + 1 == parts ? "1" : "0");
    }
  total = (g_get_monotonic_time () - total_start) / 1e6;

  /* The mean of the first and of the last four parts (the very last also finishes the hash). */
  for (guint i = 0; i < 4; i++)
    {
      first += seconds[i] / 4;
      last += seconds[parts - 1 - i] / 4;
    }
  ratio = last / first;
  after = blob_storage_bytes ();
  g_test_message ("%u MiB in %u parts of 1 MiB: %.2f s; first parts %.1f ms, last parts %.1f ms, "
                  "last / first = %.2f; tables grew by %.1f MiB (%.2f x the document)",
                  (guint) (size / PART), parts, total, first * 1000, last * 1000, ratio,
                  (after - before) / (double) PART, (after - before) / (double) size);
  g_print ("# blob upload: %u MiB, %.2f s, first %.1f ms, last %.1f ms, ratio %.2f, storage %.2f x\n",
           (guint) (size / PART), total, first * 1000, last * 1000, ratio, (after - before) / (double) size);

  /* About the same: noise on a shared machine, not growth with the offset. */
  g_assert_cmpfloat (ratio, <, 3.0);
  g_assert_cmpint (after - before, <, (gint64) (size + size / 4));
  g_assert_cmpint (after - before, >=, (gint64) size);

  assert_download (device, sha, all);
}

/* Parts of odd sizes (not multiples of SHA-256's 64-byte blocks), resumed after HEAD: the
 * saved hash state carries over each boundary, and the document comes back whole. A wrong
 * hash discards every part. */
static void
test_upload_odd_parts_verified (void)
{
  static const gsize sizes[] = { 1, 63, 64, 65, 1000, 4096, 100001, 7 };
  g_autofree char *dealer = test_new_dealer ("Ford Puebla");
  g_autoptr(TestDevice) device = test_enroll (dealer, "Caja");
  gsize size = 0;
  g_autoptr(GBytes) all = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wrong = NULL;
  gsize offset = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    size += sizes[i];
  all = random_bytes (size);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, all);
  path = g_strconcat ("/v1/blobs/", sha, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(TestReply) reply = patch_part (device, sha, all, offset, sizes[i]);
      g_autoptr(TestReply) head = test_http (NULL, "HEAD", path, device->token, NULL, NULL, NULL);
      g_autofree char *expect = g_strdup_printf ("%zu", offset + sizes[i]);

      g_assert_cmpuint (reply->status, ==, 200);
      g_assert_cmpuint (head->status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_one (head->headers, "Upload-Offset"), ==, expect);
      /* Sent again at the old offset: refused, the server says where it is. */
      if (i == 2)
        {
          g_autoptr(TestReply) again = patch_part (device, sha, all, offset, sizes[i]);

          g_assert_cmpuint (again->status, ==, 409);
          g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Upload-Offset"), ==, expect);
        }
      offset += sizes[i];
    }
  assert_download (device, sha, all);
  g_assert_cmpint (query_int ("SELECT count (*) FROM blob_parts WHERE sha256 = $1", sha), ==,
                   G_N_ELEMENTS (sizes));

  /* Bytes that do not match their name: 422 at the end, and nothing kept. */
  wrong = g_strdup ("0000000000000000000000000000000000000000000000000000000000000000");
  {
    g_autoptr(TestReply) a = patch_part (device, wrong, all, 0, 1000);
    g_autoptr(TestReply) b = patch_part (device, wrong, all, 1000, size - 1000);

    g_assert_cmpuint (a->status, ==, 200);
    g_assert_cmpuint (b->status, ==, 422);
    g_assert_cmpint (query_int ("SELECT count (*) FROM blob_parts WHERE sha256 = $1", wrong), ==, 0);
    g_assert_cmpint (query_int ("SELECT count (*) FROM blobs WHERE sha256 = $1", wrong), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GESTIONA_TEST_SERVER_URL") == NULL)
    {
      g_printerr ("Run through tests/server/pg-env.sh (meson test test-server-blobs).\n");
      return 1;
    }

  g_test_add_func ("/server/X3/16.8/upload-part-cost-flat", test_upload_part_cost_flat);
  g_test_add_func ("/server/X3/16.8/upload-odd-parts-verified", test_upload_odd_parts_verified);

  return g_test_run ();
}
