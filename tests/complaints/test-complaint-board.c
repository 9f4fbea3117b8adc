/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13.2: the complaints board source: a column per stage, the Q7 flag "no entry today"
 * (in the dealer's time zone) and its filter, "mine", the folio and name filters. No display. */
#include "config.h"

#include <locale.h>

#include "gest-complaint-board-source.h"
#include "gest-complaint.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"
#include "gest-user.h"

static void
exec_sql (GestStore  *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static GestBoardItem *
first_item (GestComplaintBoardSource *source,
            guint                     column,
            const GestBoardFilter    *filter,
            guint                    *out_len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = gest_board_source_load_column_ids (GEST_BOARD_SOURCE (source), column, filter, NULL, &error);

  g_assert_no_error (error);
  *out_len = ids->len;
  if (ids->len == 0)
    return NULL;
  return gest_board_source_fetch_item (GEST_BOARD_SOURCE (source), g_array_index (ids, gint64, 0));
}

static void
test_board (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = gest_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "gestiona.db", NULL);
  g_autoptr(GestStore) store = gest_store_open (path, &error);
  g_autoptr(GestComplaintBoardSource) source = NULL;
  g_autoptr(GestBoardItem) item = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *analyst = NULL;
  g_autofree char *sql = NULL;
  GestBoardFilter filter = { NULL, -1, FALSE, FALSE };
  guint counts[GEST_N_COMPLAINT_STAGES];
  GestComplaintIntake intake = {
    .kind = GEST_COMPLAINT_KIND_CLAIM, .channel = GEST_COMPLAINT_CHANNEL_PHONE,
    .customer_uuid = "cust-1", .complainant_name = "Rosa Lima", .summary = "No le entregan la factura.",
  };
  guint len;

  g_assert_no_error (error);
  exec_sql (store, "INSERT INTO customers (uuid, name) VALUES ('cust-1', 'María Pérez López'),"
                   " ('cust-2', 'Jorge Ruiz Díaz')");
  analyst = g_strdup (gest_test_sign_in (store, GEST_ROLE_CS_ANALYST)->uuid);
  intake.responsible_uuid = analyst;
  g_assert_true (gest_complaint_create (store, &intake, &a, NULL, &error));
  intake.customer_uuid = "cust-2";
  intake.kind = GEST_COMPLAINT_KIND_COMPLAINT;
  g_assert_true (gest_complaint_create (store, &intake, &b, NULL, &error));
  g_assert_true (gest_complaint_assign (store, b, analyst, "OG", "", "", &error));
  g_assert_no_error (error);
  /* Case b was last logged yesterday and its SLA is at risk. */
  sql = g_strdup_printf ("UPDATE complaints SET last_log_day = '2000-01-01', sla_state = 1 WHERE uuid = '%s'", b);
  exec_sql (store, sql);

  source = gest_complaint_board_source_new (store);
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED], ==, 1);
  g_assert_cmpuint (counts[GEST_COMPLAINT_ASSIGNED], ==, 1);
  g_assert_cmpuint (counts[GEST_COMPLAINT_CLOSED], ==, 0);

  item = first_item (source, GEST_COMPLAINT_RECEIVED, &filter, &len);
  g_assert_cmpstr (gest_board_item_get_subtitle (item), ==, "María Pérez López");
  g_assert_cmpstr (gest_board_item_get_amount (item), ==, "Claim · Test cs-analyst");
  g_assert_cmpstr (gest_board_item_get_date (item), ==, "0 days open");
  g_assert_cmpint (gest_board_item_get_flags (item), ==, GEST_BOARD_ITEM_FLAG_NONE);
  g_clear_object (&item);

  item = first_item (source, GEST_COMPLAINT_ASSIGNED, &filter, &len);
  g_assert_cmpint (gest_board_item_get_flags (item), ==,
                   GEST_BOARD_ITEM_FLAG_OVERDUE | GEST_BOARD_ITEM_FLAG_MISSING_DOCS);
  g_assert_cmpstr (gest_board_item_get_flag_text (item, GEST_BOARD_ITEM_FLAG_OVERDUE), ==,
                   "No follow-up today: the case has no call, follow-up or note logged today");
  g_assert_cmpstr (gest_board_item_get_flag_text (item, GEST_BOARD_ITEM_FLAG_MISSING_DOCS), ==,
                   "SLA at risk: less than a fifth of the case’s time is left");
  g_clear_object (&item);

  /* Q7: "Sin seguimiento hoy" keeps only b. */
  filter.overdue_only = TRUE;
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED], ==, 0);
  g_assert_cmpuint (counts[GEST_COMPLAINT_ASSIGNED], ==, 1);
  filter.overdue_only = FALSE;

  /* Text: the customer's name, the complainant, a folio prefix. */
  filter.text = (char *) "Ruiz";
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED] + counts[GEST_COMPLAINT_ASSIGNED], ==, 1);
  filter.text = (char *) "rosa";
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED] + counts[GEST_COMPLAINT_ASSIGNED], ==, 2);
  filter.text = (char *) "qja-";
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED] + counts[GEST_COMPLAINT_ASSIGNED], ==, 2);
  filter.text = NULL;

  /* Mine: the responsible is the signed-in user. */
  filter.mine_only = TRUE;
  gest_test_sign_in (store, GEST_ROLE_CS_HEAD);
  gest_complaint_board_source_reload (source);
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED] + counts[GEST_COMPLAINT_ASSIGNED], ==, 0);
  gest_test_sign_in (store, GEST_ROLE_CS_ANALYST);
  gest_complaint_board_source_reload (source);
  g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
  g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED] + counts[GEST_COMPLAINT_ASSIGNED], ==, 2);
  /* Another user of the same name is not the responsible: "mine" goes by the user, not the
   * name. */
  {
    g_autoptr(GestUser) namesake = gest_user_new ("0b9e6c1a-4d7f-4c55-9a55-3f1f2b9d7e10", "otra.analista",
                                                  "Test cs-analyst", GEST_ROLE_CS_ANALYST);

    gest_store_set_user (store, namesake);
    gest_complaint_board_source_reload (source);
    g_assert_true (gest_complaint_board_source_count_columns (source, &filter, counts, NULL, &error));
    g_assert_cmpuint (counts[GEST_COMPLAINT_RECEIVED] + counts[GEST_COMPLAINT_ASSIGNED], ==, 0);
  }
  g_assert_no_error (error);

  g_clear_object (&source);
  g_clear_object (&store);
  gest_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_domain_modules_init ();
  g_test_add_func ("/complaints/Q7/board-flags-and-filters", test_board);
  return g_test_run ();
}
