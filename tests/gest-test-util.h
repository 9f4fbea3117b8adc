/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-error.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* A validator of the core (gest_rfc_check, gest_vin_check). */
typedef GestCheck (*GestTestCheckFunc) (const char *value,
                                        char      **message);
/* Asserts that @check gives @expected for @value, with a message exactly when it is not valid
 * (equal to @expected_message unless that is NULL), and the same without asking for one. */
void   gest_test_assert_check (GestTestCheckFunc  check,
                               const char        *value,
                               GestCheck          expected,
                               const char        *expected_message);
/* The first column of the first row of @sql, which must return one. */
gint64 gest_test_query_int   (GestStore  *store,
                              const char *sql);
/* A fresh temporary folder, removed with its contents by gest_test_tmpdir_free(). */
char *gest_test_tmpdir_new  (void);
void  gest_test_tmpdir_free (char *path);
/* Path of a fixture in tests/data. */
char *gest_test_data_path   (const char *name);
/* Runs gestiona-cli with @argv (NULL-terminated, without the program name); returns the exit
 * status and fills stdout/stderr. Uses $GESTIONA_CLI. */
int   gest_test_run_cli     (const char * const *argv,
                             char              **out_stdout,
                             char              **out_stderr);

/* Issue 12: signs a user of @role in on @store, creating them when the database has none
 * (login "test.<role-id>", name "Test <role-id>", password GEST_TEST_PASSWORD, written by SQL
 * with a hash made once per process), so a test can act as any role. Returns the user (owned
 * by the store's session). Once a database has a user, changes need one signed in. */
#define GEST_TEST_PASSWORD "test-password"
GestUser *gest_test_sign_in (GestStore *store,
                             GestRole   role);

/* A GAsyncReadyCallback that keeps the result in *(GAsyncResult **) @user_data, for a test
 * that then waits with WAIT_UNTIL (result != NULL) and calls the _finish(). */
void     gest_test_result_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

/* A no-op timeout callback that keeps the main loop waking up (WAIT_UNTIL). */
gboolean gest_test_wake_cb (gpointer data);

/* Drops the test's last reference to @object and spins the main loop until it is finalized:
 * work cancelled when a widget went away (a board or agenda load in its thread) still holds
 * its source until its callback runs. Fails after 20 s, naming the object's type. */
void     gest_test_finalize_after_drain (gpointer object);

/* Spins the main loop until @cond holds; fails after 20 s instead of hanging. */
#define WAIT_UNTIL(cond)                                                      \
  G_STMT_START {                                                              \
    gint64 _deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;         \
    guint _wake = g_timeout_add (20, gest_test_wake_cb, NULL);                \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > _deadline)                              \
          g_error ("timed out waiting for %s", #cond);                        \
        g_main_context_iteration (NULL, TRUE);                                \
      }                                                                       \
    g_source_remove (_wake);                                                  \
  } G_STMT_END

G_END_DECLS
