/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>

#include "cli-test-util.h"
#include "gest-test-util.h"

void
cli_fixture_setup (CliFixture    *f,
                   gconstpointer  data)
{
  f->tmpdir = gest_test_tmpdir_new ();
  f->db = g_build_filename (f->tmpdir, "test.db", NULL);
}

void
cli_fixture_teardown (CliFixture    *f,
                      gconstpointer  data)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_free (f->db);
  gest_test_tmpdir_free (f->tmpdir);
}

int
cli_run (CliFixture *f,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  int status;

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  status = gest_test_run_cli ((const char * const *) args->pdata, &f->out, &f->err);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", status, f->out, f->err);
  return status;
}
