/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main of a fuzz target built without libFuzzer: runs LLVMFuzzerTestOneInput once on each
 * file named, or on each file of each folder named (a seed corpus), as libFuzzer does with
 * files. Options (arguments starting with '-', libFuzzer's) are ignored. */
#include "config.h"

#include <stdio.h>

#include "gest-fuzz.h"

static guint
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, &error))
    g_error ("%s", error->message);
  /* A copy of exactly @size bytes, so that ASan sees a read past the input. */
  {
    /* libFuzzer hands an empty input as a valid pointer, never NULL (g_memdup2 gives NULL). */
    g_autofree guint8 *copy = size > 0 ? g_memdup2 (data, size) : g_malloc (1);

    LLVMFuzzerTestOneInput (copy, size);
  }
  return 1;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
run_path (const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return run_file (path);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("cannot read the folder %s", path);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      n += run_file (g_ptr_array_index (names, i));
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-')
      n += run_path (argv[i]);
  if (n == 0)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 2;
    }
  printf ("%s: ran %u inputs\n", argv[0], n);
  return 0;
}
