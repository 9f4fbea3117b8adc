/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 11, the shared record detail in a real window (Xvfb): its status refusal shown in full
 * under the status; the timeline growing inside the page's one scroll (no nested scroller)
 * and paging thousands of entries; the previewed document's row selected and marked; a
 * saved copy equal to the original; a removal asked for, logged and synced. Every widget
 * and the store finalize. */
#include "config.h"

#include <locale.h>

#include <adwaita.h>
#include <poppler.h>

#include "gest-activity-item.h"
#include "gest-activity-log.h"
#include "gest-document-changes.h"
#include "gest-document-print.h"
#include "gest-record-detail.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"

#define RECORD "rec-1"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  f->dir = gest_test_tmpdir_new ();
  db_path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->dir);
}

/* As in the app: once the data is in place, the window's connection only reads. */
static void
widgets_only_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_set_read_only (f->store, TRUE, &error));
  g_assert_no_error (error);
}

static void
add_entries (Fixture *f,
             guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (f->store, "BEGIN", &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Entry number %u of the record's activity.", i + 1);

      g_assert_cmpint (gest_activity_log_append (f->store, RECORD, GEST_ACTIVITY_NOTE, text, NULL, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (gest_store_exec (f->store, "COMMIT", &error));
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static GestRecordDetail *
new_detail (Fixture    *f,
            GtkWidget **out_window)
{
  g_autoptr(GestContext) context = gest_context_new (f->store);
  GestRecordDetail *detail = GEST_RECORD_DETAIL (gest_record_detail_new (context, RECORD));

  g_object_ref_sink (detail);
  gest_record_detail_set_title (detail, "REC-0001");
  gest_record_detail_set_subtitle (detail, "A record of the tests");
  *out_window = show_in_window (GTK_WIDGET (detail));
  return detail;
}

static void
wait_timeline (GestTimeline *timeline,
               guint         n_entries)
{
  WAIT_UNTIL (!gest_timeline_get_loading (timeline) &&
              g_list_model_get_n_items (gest_timeline_get_model (timeline)) == n_entries);
}

/* Lets the window lay out what changed. */
static void
wait_frames (void)
{
  gint64 until = g_get_monotonic_time () + 300 * 1000;

  WAIT_UNTIL (g_get_monotonic_time () > until);
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_type (child, type);
  return n;
}

static gboolean
is_rich_list (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "rich-list");
}

/* The timeline's list of entries. */
static GtkWidget *
entries_list (GestTimeline *timeline)
{
  GtkWidget *list = gest_test_find_widget (GTK_WIDGET (timeline), is_rich_list, NULL);

  g_assert_nonnull (list);
  return list;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

/* Whether row @index of the timeline's list shows @text. */
static gboolean
row_shows (GtkWidget  *list,
           int         index,
           const char *text)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  return row != NULL && gest_test_find_widget (GTK_WIDGET (row), gest_test_is_label, text) != NULL;
}

/* Every visible label under @root got at least the height it needs at its width. */
static void
assert_labels_not_clipped (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        {
          int natural;

          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (child),
                              NULL, &natural, NULL, NULL);
          g_assert_cmpint (gtk_widget_get_height (child), >=, natural);
        }
      assert_labels_not_clipped (child);
    }
}

/* The status refusal: the whole message in a visible wrapping label in the status group,
 * the status row marked; cleared by NULL. */
static void
test_status_refusal (Fixture       *f,
                     gconstpointer  data)
{
  const char *message = "This record cannot go on yet: it needs the signed acknowledgment and the "
                        "invoice released by the other party, and only its owner may move it. "
                        "Attach the acknowledgment, then ask its owner.";
  GestRecordDetail *detail;
  GtkWidget *window;
  GtkWidget *button = gtk_button_new_with_label ("_Go On");
  GtkWidget *label;
  GtkWidget *row;

  widgets_only_read (f);
  detail = new_detail (f, &window);
  gest_record_detail_set_status_heading (detail, "Current Stage");
  gest_record_detail_set_status (detail, "Stage 2 of 5", "Waiting for the documents.");
  gest_record_detail_add_status_action (detail, button);
  g_assert_null (gest_record_detail_get_status_error (detail));
  g_assert_cmpstr (gest_record_detail_get_title (detail), ==, "REC-0001");

  gest_record_detail_show_status_error (detail, message);
  g_assert_cmpstr (gest_record_detail_get_status_error (detail), ==, message);
  label = gest_test_find_widget (GTK_WIDGET (detail), gest_test_is_visible_label, message);
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_widget_is_ancestor (button, gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_GROUP)));
  row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* Readable in full: the label is as tall as its wrapped lines, inside the window's width. */
  wait_frames ();
  g_assert_cmpint (gtk_widget_get_width (label), <=, gtk_widget_get_width (window));
  g_assert_cmpint (gtk_widget_get_height (label), >, 20);

  gest_record_detail_show_status_error (detail, NULL);
  g_assert_null (gest_record_detail_get_status_error (detail));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

/* The timeline is part of the page: with 20 entries it is taller than the old 120 px box,
 * every entry is laid out, and the page's scroller is the only one around or inside it. */
static void
test_timeline_grows_in_page (Fixture       *f,
                             gconstpointer  data)
{
  GestRecordDetail *detail;
  GestTimeline *timeline;
  GtkWidget *window;
  GtkWidget *entries;
  guint scrollers = 0;

  add_entries (f, 20);
  widgets_only_read (f);
  detail = new_detail (f, &window);
  timeline = gest_record_detail_get_timeline (detail);
  wait_timeline (timeline, 20);
  entries = entries_list (timeline);
  WAIT_UNTIL (gtk_widget_get_height (entries) > 120);
  wait_frames ();

  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (timeline)), >, 120);
  /* Twenty rows of at least a line and a caption each: the whole list, not a window on it,
   * each row as tall as it needs. */
  g_assert_cmpuint (n_rows (entries), ==, 20);
  g_assert_cmpint (gtk_widget_get_height (entries), >=, 20 * 40);
  for (int i = 0; i < 20; i++)
    assert_labels_not_clipped (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (entries), i)));
  /* No scroller in the timeline, and exactly one (the page's) between it and the page. */
  g_assert_cmpuint (count_type (GTK_WIDGET (timeline), GTK_TYPE_SCROLLED_WINDOW), ==, 0);
  for (GtkWidget *w = entries; w != GTK_WIDGET (detail); w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      scrollers++;
  g_assert_cmpuint (scrollers, ==, 1);
  /* Twenty entries fit in one page: no pager. */
  g_assert_false (gtk_widget_is_visible (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_label, "Entries 1–20 of 20")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

/* The composer's refusals show as every other one: the field marked, the whole message in a
 * wrapping label under the composer; a valid entry clears them. */
static void
test_composer_refusal (Fixture       *f,
                       gconstpointer  data)
{
  GestRecordDetail *detail;
  GestTimeline *timeline;
  GtkWidget *window;
  GtkWidget *add;
  GtkWidget *frame;
  GtkWidget *label;
  GtkTextView *text_view;

  widgets_only_read (f);
  detail = new_detail (f, &window);
  timeline = gest_record_detail_get_timeline (detail);
  add = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_button_labelled, "A_dd to Activity");
  text_view = GTK_TEXT_VIEW (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));
  frame = gtk_widget_get_ancestor (GTK_WIDGET (text_view), GTK_TYPE_FRAME);

  g_signal_emit_by_name (add, "clicked");
  label = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_visible_label, "Write the note before adding it.");
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_true (gtk_widget_is_ancestor (add, gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_true (gtk_widget_has_css_class (frame, "error"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "Called the customer.", -1);
  g_signal_emit_by_name (add, "clicked");
  gest_store_wait_for_writes (f->store);
  wait_timeline (timeline, 1);
  g_assert_false (gtk_widget_is_visible (label));
  g_assert_false (gtk_widget_has_css_class (frame, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

/* Thousands of entries: the list shows a page of 50 rows at a time, with Older and Newer. */
static void
test_timeline_pages (Fixture       *f,
                     gconstpointer  data)
{
  GestRecordDetail *detail;
  GestTimeline *timeline;
  GtkWidget *window;
  GtkWidget *entries;
  GtkWidget *older;
  GtkWidget *newer;
  gint64 start;

  add_entries (f, 2000);
  widgets_only_read (f);
  start = g_get_monotonic_time ();
  detail = new_detail (f, &window);
  timeline = gest_record_detail_get_timeline (detail);
  wait_timeline (timeline, 2000);
  entries = entries_list (timeline);
  g_assert_cmpuint (n_rows (entries), ==, 50);
  WAIT_UNTIL (gtk_widget_get_height (entries) > 120);
  g_test_message ("2000 entries loaded, verified and laid out in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (gtk_widget_is_visible (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_label, "Entries 1–50 of 2000")));
  g_assert_true (row_shows (entries, 0, "Entry number 2000 of the record's activity."));

  older = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_button_labelled, "_Older");
  newer = gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_button_labelled, "_Newer");
  g_assert_false (gtk_widget_get_sensitive (newer));
  g_signal_emit_by_name (older, "clicked");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_visible_label, "Entries 51–100 of 2000"));
  g_assert_true (row_shows (entries, 0, "Entry number 1950 of the record's activity."));
  g_assert_cmpuint (n_rows (entries), ==, 50);
  g_assert_true (gtk_widget_get_sensitive (newer));
  g_signal_emit_by_name (newer, "clicked");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (timeline), gest_test_is_visible_label, "Entries 1–50 of 2000"));
  g_assert_true (row_shows (entries, 0, "Entry number 2000 of the record's activity."));
  g_assert_cmpuint (count_type (GTK_WIDGET (timeline), GTK_TYPE_SCROLLED_WINDOW), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

static GestDocument *
document_at (GestDocumentList *list,
             guint             position)
{
  return g_list_model_get_item (gest_document_list_get_model (list), position);
}

static void
attach_two (GestDocumentList *list)
{
  g_autofree char *pdf_path = gest_test_data_path ("doc-2pages.pdf");
  g_autofree char *png_path = gest_test_data_path ("scan.png");
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  GFile *files[] = { pdf, png };
  GestDocumentKind kinds[] = { GEST_DOCUMENT_KIND_PAYMENT_PROOF, GEST_DOCUMENT_KIND_IDENTIFICATION };

  gest_document_list_attach_files (list, files, kinds, 2);
  WAIT_UNTIL (g_list_model_get_n_items (gest_document_list_get_model (list)) == 2);
}

static GtkListBoxRow *
row_at (GestDocumentList *list,
        int               index)
{
  GtkListBox *box = GTK_LIST_BOX (gest_test_find_widget (GTK_WIDGET (list), gest_test_is_type,
                                                         GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX)));

  /* The preferences group has an internal list box of its own, empty: skip it. */
  while (box != NULL && gtk_list_box_get_row_at_index (box, 0) == NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (box));

      box = next != NULL && GTK_IS_LIST_BOX (next) ? GTK_LIST_BOX (next) : NULL;
    }
  g_assert_nonnull (box);
  return gtk_list_box_get_row_at_index (box, index);
}

static gboolean
row_marked (GtkListBoxRow *row)
{
  return gest_test_find_widget (GTK_WIDGET (row), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_IMAGE)) != NULL &&
         gtk_list_box_row_is_selected (row) &&
         (gtk_widget_get_state_flags (GTK_WIDGET (row)) & GTK_STATE_FLAG_SELECTED) != 0;
}

static gboolean
is_visible_image_named (GtkWidget     *widget,
                        gconstpointer  icon_name)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), icon_name) == 0;
}

/* The previewed document's row is the selected one, with the "shown" mark; choosing another
 * row previews it and moves the mark. */
static void
test_previewed_document_selected (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GestDocument) first = NULL;
  g_autoptr(GestDocument) second = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  GestRecordDetail *detail;
  GestDocumentList *list;
  GestDocumentPreview *preview;
  GtkWidget *window;

  widgets_only_read (f);
  detail = new_detail (f, &window);
  list = gest_record_detail_get_document_list (detail);
  preview = gest_record_detail_get_preview (detail);
  g_assert_null (gest_document_list_get_selected_uuid (list));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (preview)));

  attach_two (list);
  first = document_at (list, 0);
  second = document_at (list, 1);
  first_path = gest_document_store_get_content_path (gest_record_detail_get_document_store (detail), gest_document_get_sha256 (first));
  second_path = gest_document_store_get_content_path (gest_record_detail_get_document_store (detail), gest_document_get_sha256 (second));

  /* What was attached last is shown, and its row says so. */
  WAIT_UNTIL (g_strcmp0 (gest_document_list_get_selected_uuid (list), gest_document_get_uuid (second)) == 0);
  g_assert_cmpstr (gest_document_preview_get_path (preview), ==, second_path);
  g_assert_true (row_marked (row_at (list, 1)));
  g_assert_false (gtk_list_box_row_is_selected (row_at (list, 0)));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (row_at (list, 1)), is_visible_image_named, "view-reveal-symbolic"));
  g_assert_null (gest_test_find_widget (GTK_WIDGET (row_at (list, 0)), is_visible_image_named, "view-reveal-symbolic"));

  /* Choosing the first row previews it; the selection and the mark follow. */
  g_signal_emit_by_name (row_at (list, 0), "activate");
  g_assert_cmpstr (gest_document_list_get_selected_uuid (list), ==, gest_document_get_uuid (first));
  g_assert_cmpstr (gest_document_preview_get_path (preview), ==, first_path);
  g_assert_true (row_marked (row_at (list, 0)));
  g_assert_false (gtk_list_box_row_is_selected (row_at (list, 1)));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (row_at (list, 0)), is_visible_image_named, "view-reveal-symbolic"));
  g_assert_null (gest_test_find_widget (GTK_WIDGET (row_at (list, 1)), is_visible_image_named, "view-reveal-symbolic"));
  WAIT_UNTIL (gest_document_preview_get_n_pages (preview) == 2 && !gest_document_preview_get_loading (preview));

  /* Each row has its menu: Open, Save a Copy, Print, Remove. */
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (row_at (list, 0)), gest_test_is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "document.print", "s", "no-such-document"));
  g_assert_cmpstr (gest_document_list_get_error (list), ==,
                   "There is no document with the id “no-such-document”. It may have been removed; refresh the list.");

  /* Issue 11: the whole detail works in a 360 px wide window (AdwClamp's margins included). */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (detail), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  gest_store_wait_for_writes (f->store);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

/* Save a Copy writes the stored bytes, equal to the original; a folder that cannot be
 * written to is refused in full under the list, the document's row marked. */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GestDocument) pdf = NULL;
  g_autofree char *original_path = gest_test_data_path ("doc-2pages.pdf");
  g_autofree char *copy_path = g_build_filename (f->dir, "copia del pago.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  gsize original_len, copy_len;
  g_autoptr(GFile) destination = g_file_new_for_path (copy_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  GestRecordDetail *detail;
  GestDocumentList *list;
  GtkWidget *window;
  const char *message;

  widgets_only_read (f);
  detail = new_detail (f, &window);
  list = gest_record_detail_get_document_list (detail);
  attach_two (list);
  pdf = document_at (list, 0);

  gest_document_list_save_copy (list, gest_document_get_uuid (pdf), destination);
  g_assert_true (gest_document_list_get_busy (list));
  WAIT_UNTIL (!gest_document_list_get_busy (list));
  g_assert_null (gest_document_list_get_error (list));
  g_assert_true (g_file_get_contents (original_path, &original, &original_len, NULL));
  g_assert_true (g_file_get_contents (copy_path, &copy, &copy_len, NULL));
  g_assert_cmpmem (copy, copy_len, original, original_len);

  gest_document_list_save_copy (list, gest_document_get_uuid (pdf), bad);
  WAIT_UNTIL (!gest_document_list_get_busy (list));
  message = gest_document_list_get_error (list);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Could not save a copy of “doc-2pages.pdf” as "));
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (list), gest_test_is_visible_label, message));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_at (list, 0)), "error"));

  /* A stored copy changed on disk is not passed off as the original. */
  {
    g_autofree char *stored = gest_document_store_get_content_path (gest_record_detail_get_document_store (detail),
                                                                    gest_document_get_sha256 (pdf));

    g_assert_true (g_file_set_contents (stored, "forged", -1, NULL));
    g_assert_false (gest_document_store_save_copy (gest_record_detail_get_document_store (detail), pdf,
                                                   destination, NULL, &error));
    g_assert_error (error, GEST_ERROR, GEST_ERROR_TAMPERED);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Remove asks first; cancelling keeps the document; confirming removes its row, marks the
 * row deleted (so the removal syncs), logs it on the record and previews what is left. */
static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GestDocument) pdf = NULL;
  g_autoptr(GestDocument) png = NULL;
  g_autofree char *sql = NULL;
  GestRecordDetail *detail;
  GestDocumentList *list;
  GestTimeline *timeline;
  AdwMessageDialog *dialog;
  GtkWidget *window;

  widgets_only_read (f);
  detail = new_detail (f, &window);
  list = gest_record_detail_get_document_list (detail);
  timeline = gest_record_detail_get_timeline (detail);
  attach_two (list);
  wait_timeline (timeline, 2);
  pdf = document_at (list, 0);
  png = document_at (list, 1);
  g_signal_emit_by_name (row_at (list, 0), "activate");
  g_assert_cmpstr (gest_document_list_get_selected_uuid (list), ==, gest_document_get_uuid (pdf));

  /* Cancel: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "document.remove", "s", gest_document_get_uuid (pdf)));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “doc-2pages.pdf”?");
  adw_message_dialog_response (dialog, "cancel");
  gest_store_wait_for_writes (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (gest_document_list_get_model (list)), ==, 2);

  /* Remove. */
  gest_document_list_confirm_remove (list, gest_document_get_uuid (pdf));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gest_store_wait_for_writes (f->store);
  WAIT_UNTIL (!gest_document_list_get_busy (list));
  g_assert_null (gest_document_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (gest_document_list_get_model (list)), ==, 1);
  {
    g_autoptr(GestDocument) left = document_at (list, 0);

    g_assert_cmpstr (gest_document_get_uuid (left), ==, gest_document_get_uuid (png));
  }
  g_assert_null (row_at (list, 1));
  /* The preview moved to what is left. */
  g_assert_cmpstr (gest_document_list_get_selected_uuid (list), ==, gest_document_get_uuid (png));

  sql = g_strdup_printf ("SELECT deleted FROM documents WHERE uuid = '%s'", gest_document_get_uuid (pdf));
  g_assert_cmpint (gest_test_query_int (f->store, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM sync_outbox WHERE entity = 'document' AND uuid = '%s' AND op = 'delete'",
                         gest_document_get_uuid (pdf));
  g_assert_cmpint (gest_test_query_int (f->store, sql), ==, 1);

  wait_timeline (timeline, 3);
  {
    g_autoptr(GestActivityItem) newest = g_list_model_get_item (gest_timeline_get_model (timeline), 0);

    g_assert_cmpint (gest_activity_item_get_entry (newest)->kind, ==, GEST_ACTIVITY_DOCUMENT);
    g_assert_cmpstr (gest_activity_item_get_entry (newest)->text, ==, "Document removed: doc-2pages.pdf (Payment proof)");
  }
  g_assert_true (gest_timeline_get_verified (timeline));

  /* Removing it again (another window did first) is refused under the list. */
  g_free (sql);
  sql = g_strdup_printf ("There is no document with the id “%s”. It may have been removed; refresh the list.",
                         gest_document_get_uuid (pdf));
  gest_document_list_remove_document (list, gest_document_get_uuid (pdf));
  g_assert_cmpstr (gest_document_list_get_error (list), ==, sql);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (detail);
}

static guint
exported_pages (const char *source,
                const char *pdf_path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;   /* PopplerDocument */
  g_autofree char *uri = NULL;

  gest_document_print_export_async (gest_render_queue_get_default (), source, NULL, "test", pdf_path,
                                    NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (gest_document_print_finish (result, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (pdf_path, NULL, NULL);
  document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  return (guint) poppler_document_get_n_pages (POPPLER_DOCUMENT (document));
}

/* Print renders every page of a PDF, and a scan, through the render queue into the print
 * operation (exported to a PDF here instead of the dialog); a missing file is refused. */
static void
test_print_pages (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = gest_test_data_path ("doc-2pages.pdf");
  g_autofree char *png = gest_test_data_path ("scan.png");
  g_autofree char *out_pdf = g_build_filename (f->dir, "printed-pdf.pdf", NULL);
  g_autofree char *out_png = g_build_filename (f->dir, "printed-png.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (exported_pages (pdf, out_pdf), ==, 2);
  g_assert_cmpuint (exported_pages (png, out_png), ==, 1);

  gest_document_print_export_async (gest_render_queue_get_default (), missing, NULL, "missing.pdf",
                                    out_pdf, NULL, gest_test_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_false (gest_document_print_finish (result, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/widgets/11/record-detail/status-refusal-in-full", test_status_refusal);
  ADD ("/widgets/X5/11/record-detail/timeline-grows-in-page", test_timeline_grows_in_page);
  ADD ("/widgets/X5/11/record-detail/timeline-pages-thousands", test_timeline_pages);
  ADD ("/widgets/X5/11/record-detail/composer-refusal-in-full", test_composer_refusal);
  ADD ("/widgets/X4/11/record-detail/previewed-document-selected", test_previewed_document_selected);
  ADD ("/widgets/X4/11/record-detail/save-a-copy", test_save_copy);
  ADD ("/widgets/X4/11/record-detail/remove-asks-logs-syncs", test_remove);
  ADD ("/widgets/X4/11/record-detail/print-renders-every-page", test_print_pages);
#undef ADD

  return g_test_run ();
}
