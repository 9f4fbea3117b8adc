/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X5: the append-only, tamper-evident activity log in the store. */
#define _GNU_SOURCE
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-test-util.h"

#define RECORD "11111111-1111-4111-8111-111111111111"
#define OTHER  "22222222-2222-4222-8222-222222222222"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "log.db", NULL);
  f->store = gest_store_open (path, NULL);
  g_assert_nonnull (f->store);
  g_assert_true (gest_store_set_setting (f->store, "user.name", "Laura Méndez", NULL));
  g_assert_true (gest_store_set_setting (f->store, "user.role", "cs-analyst", NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, "Cliente pide saldo", NULL, NULL, &error), ==, 1);
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_CALL, "Llamada, acepta monto",
                                             "Rosa Pérez", "cónyuge", &error), ==, 2);
  g_assert_cmpint (gest_activity_log_append (f->store, OTHER, GEST_ACTIVITY_STATUS, "Paso 2 → 3", NULL, NULL, &error), ==, 1);
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_DOCUMENT, "Comprobante de pago", NULL, NULL, &error), ==, 3);
  g_assert_no_error (error);
}

static void
test_append_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  GestActivityEntry *e;

  fill (f);
  entries = gest_activity_log_list (f->store, RECORD, NULL);
  g_assert_cmpuint (entries->len, ==, 3);
  e = g_ptr_array_index (entries, 1);
  g_assert_cmpint (e->seq, ==, 2);
  g_assert_cmpint (e->kind, ==, GEST_ACTIVITY_CALL);
  g_assert_cmpstr (e->user_name, ==, "Laura Méndez");
  g_assert_cmpstr (e->user_role, ==, "cs-analyst");
  g_assert_cmpstr (e->contact_name, ==, "Rosa Pérez");
  g_assert_cmpstr (e->contact_role, ==, "cónyuge");
  g_assert_cmpstr (e->prev_hash, ==, ((GestActivityEntry *) g_ptr_array_index (entries, 0))->hash);
  g_assert_cmpstr (((GestActivityEntry *) g_ptr_array_index (entries, 0))->prev_hash, ==, "");
  g_assert_cmpint (strlen (e->hash), ==, 64);
  g_assert_true (gest_activity_log_verify (f->store, RECORD, NULL));
  g_assert_true (gest_activity_log_verify (f->store, NULL, NULL));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, "   ", NULL, NULL, &error), ==, -1);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no text"));
  g_clear_error (&error);
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_CALL, "Llamada", " ", "titular", &error), ==, -1);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "without the name"));

  entries = gest_activity_log_list (f->store, RECORD, NULL);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* The table refuses UPDATE and DELETE: no way to edit through SQL either. */
static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fill (f);
  g_assert_false (gest_store_exec (f->store, "UPDATE activity SET text = 'otro' WHERE seq = 1", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (gest_store_exec (f->store, "DELETE FROM activity", &error));
  g_assert_nonnull (strstr (error->message, "append-only"));
}

static void
tamper (Fixture    *f,
        const char *sql)
{
  g_assert_true (gest_store_exec (f->store, "DROP TRIGGER activity_no_update; DROP TRIGGER activity_no_delete", NULL));
  g_assert_true (gest_store_exec (f->store, sql, NULL));
}

static void
test_tampered_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fill (f);
  tamper (f, "UPDATE activity SET text = 'Cliente no pide nada' WHERE record_uuid = '" RECORD "' AND seq = 1");
  g_assert_false (gest_activity_log_verify (f->store, RECORD, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "entry 1 "));
  g_assert_nonnull (strstr (error->message, RECORD));
  g_assert_nonnull (strstr (error->message, "does not match its hash"));
  g_clear_error (&error);
  /* The other record is intact. */
  g_assert_true (gest_activity_log_verify (f->store, OTHER, NULL));
  g_assert_false (gest_activity_log_verify (f->store, NULL, NULL));
}

/* Recomputing an entry's own hash is not enough: the next entry no longer follows it. */
static void
test_tampered_rehashed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GestActivityEntry *e;
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;

  fill (f);
  entries = gest_activity_log_list (f->store, RECORD, NULL);
  e = g_ptr_array_index (entries, 0);
  g_free (e->text);
  e->text = g_strdup ("forged");
  hash = gest_activity_compute_hash (e);
  sql = g_strdup_printf ("UPDATE activity SET text = 'forged', hash = '%s' WHERE record_uuid = '" RECORD "' AND seq = 1", hash);
  tamper (f, sql);
  g_assert_false (gest_activity_log_verify (f->store, RECORD, &error));
  g_assert_nonnull (strstr (error->message, "entry 2 "));
  g_assert_nonnull (strstr (error->message, "does not follow"));
}

static void
test_deleted_entry (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fill (f);
  tamper (f, "DELETE FROM activity WHERE record_uuid = '" RECORD "' AND seq = 2");
  g_assert_false (gest_activity_log_verify (f->store, RECORD, &error));
  g_assert_nonnull (strstr (error->message, "entry 3 "));
  g_assert_nonnull (strstr (error->message, "missing"));
}

/* Append inside a caller's transaction that rolls back leaves nothing. */
static void
test_append_in_transaction (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (gest_store_begin (f->store, TRUE, NULL));
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, "uno", NULL, NULL, NULL), ==, 1);
  gest_store_rollback (f->store);
  entries = gest_activity_log_list (f->store, RECORD, NULL);
  g_assert_cmpuint (entries->len, ==, 0);
}

/* X5 with sync: each device has its own chain per record, so entries written on two desktops
 * merge without renumbering and still verify. */
static void
test_device_chains (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, "antes de sincronizar", NULL, NULL, NULL), ==, 1);
  g_assert_true (gest_store_exec (f->store, "INSERT INTO sync_state (key, value) VALUES ('device-id', 'dev-a')", NULL));
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, "equipo A", NULL, NULL, NULL), ==, 1);
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_CALL, "equipo A llama", "Rosa", "titular", NULL), ==, 2);
  g_assert_true (gest_store_exec (f->store, "UPDATE sync_state SET value = 'dev-b' WHERE key = 'device-id'", NULL));
  g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, "equipo B", NULL, NULL, NULL), ==, 1);

  g_assert_true (gest_activity_log_verify (f->store, RECORD, &error));
  g_assert_no_error (error);
  entries = gest_activity_log_list (f->store, RECORD, NULL);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[0])->origin, ==, "");
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[2])->origin, ==, "dev-a");
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[2])->prev_hash, ==,
                   ((GestActivityEntry *) entries->pdata[1])->hash);
  g_assert_cmpstr (((GestActivityEntry *) entries->pdata[3])->prev_hash, ==, "");

  /* A broken entry in one device's chain is named with its device. */
  tamper (f, "UPDATE activity SET text = 'otra cosa' WHERE origin = 'dev-a' AND seq = 2");
  g_assert_false (gest_activity_log_verify (f->store, RECORD, &error));
  g_assert_nonnull (strstr (error->message, "entry 2 of device dev-a"));
}

/* X5: one byte changed in the database file itself (not through SQL) is found and named. */
static void
test_tampered_file_byte (void)
{
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (path, NULL);
  gsize len = 0;
  char *at;

  g_assert_cmpint (gest_activity_log_append (store, RECORD, GEST_ACTIVITY_NOTE, "Saldo confirmado QQQQ", NULL, NULL, NULL), ==, 1);
  g_assert_cmpint (gest_activity_log_append (store, RECORD, GEST_ACTIVITY_NOTE, "Segunda nota", NULL, NULL, NULL), ==, 2);
  /* Closing the last connection checkpoints the WAL into the file. */
  g_assert_finalize_object (store);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* The row may also sit in a page SQLite has since copied; change every copy. */
  at = memmem (contents, len, "QQQQ", 4);
  g_assert_nonnull (at);
  for (; at != NULL; at = memmem (contents, len, "QQQQ", 4))
    at[3] = 'X';
  g_assert_null (memmem (contents, len, "QQQQ", 4));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));

  store = gest_store_open (path, NULL);
  g_assert_nonnull (store);
  g_assert_false (gest_activity_log_verify (store, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, RECORD));
  g_assert_nonnull (strstr (error->message, "entry 1 "));
  g_assert_finalize_object (store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/activity-log/X5/append-list", test_append_list);
  ADD ("/activity-log/X5/bad-input", test_bad_input);
  ADD ("/activity-log/X5/append-only", test_append_only);
  ADD ("/activity-log/X5/tampered-text", test_tampered_text);
  ADD ("/activity-log/X5/tampered-rehashed", test_tampered_rehashed);
  ADD ("/activity-log/X5/deleted-entry", test_deleted_entry);
  ADD ("/activity-log/X5/append-in-transaction", test_append_in_transaction);
  ADD ("/activity-log/X5/X3/device-chains", test_device_chains);
#undef ADD
  g_test_add_func ("/activity-log/X5/tampered-file-byte", test_tampered_file_byte);

  return g_test_run ();
}
