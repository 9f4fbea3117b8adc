/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "gest-fuzz.h"

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  gboolean verbose = GPOINTER_TO_INT (user_data);

  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) != 0)
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, NULL);
      abort ();
    }
  if (verbose)
    return g_log_writer_standard_streams (log_level, fields, n_fields, NULL);
  return G_LOG_WRITER_HANDLED;
}

void
gest_fuzz_init_logging (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      /* G_DEBUG=fatal-warnings (the test suite's) would make every warning a crash. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      g_log_set_writer_func (fuzz_log_writer,
                             GINT_TO_POINTER (g_strcmp0 (g_getenv ("GESTIONA_FUZZ_VERBOSE"), "1") == 0),
                             NULL);
      g_once_init_leave (&once, 1);
    }
}

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_tmpdir (void)
{
  if (tmpdir != NULL)
    remove_tree (tmpdir);
}

const char *
gest_fuzz_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* In memory when the system has a tmpfs there: the targets write files and SQLite
       * databases for each input, and a disk's fsync would be most of their time. */
      if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
        {
          tmpdir = g_build_filename ("/dev/shm", "gestiona-fuzz-XXXXXX", NULL);
          if (g_mkdtemp (tmpdir) == NULL)
            g_clear_pointer (&tmpdir, g_free);
        }
      if (tmpdir == NULL)
        tmpdir = g_dir_make_tmp ("gestiona-fuzz-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("cannot make a temporary folder: %s", error->message);
      atexit (remove_tmpdir);
    }
  return tmpdir;
}
