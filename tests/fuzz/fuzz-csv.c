/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader of `gestiona-server admin load-plans` (#16.10): the input is a CSV file. It
 * goes through gest_server_load_plans() with no PostgreSQL connection (the file read, the UTF-8
 * check and the header; a good header then fails at the first query), and each of its lines
 * through gest_csv_split_line() and the money and date parsers a plan row uses, as the loader's
 * parse_row() does (static, reached only after the dealer is found in PostgreSQL).
 * The desktop has no CSV import to fuzz. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gest-date.h"
#include "gest-fuzz.h"
#include "gest-money.h"
#include "gest-server-plans.h"

static char *csv_path;

static void
row (const char *line)
{
  g_auto(GStrv) cells = gest_csv_split_line (line);
  guint n;

  if (cells == NULL)
    return;
  n = g_strv_length (cells);
  for (guint i = 1; i < n && i <= 4; i++)
    {
      g_autoptr(GError) error = NULL;
      GestMoney amount = 0;

      if (gest_money_parse (cells[i], &amount, &error))
        g_free (gest_money_format (amount));
      else
        g_assert_nonnull (error);
    }
  if (n > 5)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (gest_date_parse (cells[5], &date, &error))
        {
          g_autofree char *iso = gest_date_to_iso (&date);
          GDate back;

          g_assert_true (gest_date_from_iso (iso, &back));
          g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
        }
      else
        g_assert_nonnull (error);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gest_fuzz_init_logging ();
  csv_path = g_build_filename (gest_fuzz_tmpdir (), "plans.csv", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint loaded = 7;
  guint created = 7;

  /* Any file, an empty one too (tests/fuzz/crashes/csv-empty-file crashed before #16.9). */
  if (!g_file_set_contents_full (csv_path, (const char *) data, (gssize) size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("%s", error->message);
  g_assert_false (gest_server_load_plans (NULL, "dealer-fuzz", csv_path, &loaded, &created, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (loaded, ==, 0);
  g_assert_cmpuint (created, ==, 0);

  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  lines = g_strsplit (text, "\n", 1000);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      row (lines[i]);
    }
  return 0;
}
