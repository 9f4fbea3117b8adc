/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-letter-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-complaint-letter.h"
#include "gest-complaint-letter-window.h"
#include "gest-document-preview.h"
#include "gest-document-print.h"
#include "gest-field-error.h"

/* The state of one of the two windows; freed when its window is finalized (a save in flight
 * holds a reference to the window). */
typedef struct
{
  GtkWindow          *window;         /* weak */
  GestContext        *context;
  char               *uuid;
  GestComplaint      *complaint;
  GPtrArray          *templates;      /* GestTemplateRecord */
  AdwComboRow        *template_row;
  AdwEntryRow        *copied_row;     /* the answer letter: areas it is copied to */
  GtkTextView        *message_view;   /* the "in process" message */
  GtkWidget          *preview;        /* the answer letter */
  GtkLabel           *error;
  GtkWidget          *email_button;
  GtkWidget          *other_button;   /* phone, or print */
  GCancellable       *cancellable;
  GBytes             *pdf;
  char               *pdf_path;
  char               *pdf_dir;
  gboolean            busy;
} LetterWindow;

/* A save on the writer thread. */
typedef struct
{
  char               *uuid;
  GestTemplateRecord *template_;
  char               *how;
  char               *copied_to;
  GBytes             *pdf;
} Save;

static void
save_free (Save *save)
{
  g_free (save->uuid);
  gest_template_record_free (save->template_);
  g_free (save->how);
  g_free (save->copied_to);
  g_clear_pointer (&save->pdf, g_bytes_unref);
  g_free (save);
}

static GestTemplateRecord *
template_copy (const GestTemplateRecord *record)
{
  GestTemplateRecord *copy = g_new0 (GestTemplateRecord, 1);

  copy->uuid = g_strdup (record->uuid);
  copy->kind = g_strdup (record->kind);
  copy->name = g_strdup (record->name);
  copy->subject = g_strdup (record->subject);
  copy->body = g_strdup (record->body);
  return copy;
}

static void
letter_window_free (gpointer  data,
                    GObject  *where_the_object_was)
{
  LetterWindow *self = data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_free (self->uuid);
  g_clear_pointer (&self->complaint, gest_complaint_free);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  if (self->pdf_path != NULL)
    g_unlink (self->pdf_path);
  if (self->pdf_dir != NULL)
    g_rmdir (self->pdf_dir);
  g_free (self->pdf_path);
  g_free (self->pdf_dir);
  g_free (self);
}

static const GestTemplateRecord *
chosen_template (LetterWindow *self)
{
  guint i = adw_combo_row_get_selected (self->template_row);

  if (self->templates == NULL || i >= self->templates->len)
    return NULL;
  return g_ptr_array_index (self->templates, i);
}

static void
set_busy (LetterWindow *self,
          gboolean      busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->other_button, !busy);
  gtk_widget_set_sensitive (self->email_button, !busy && self->complaint != NULL &&
                            self->complaint->customer_email != NULL && self->complaint->customer_email[0] != '\0');
}

/* The window, its header bar with Cancel, a scrolled column for @content; Escape closes. */
static LetterWindow *
letter_window_new (GtkWindow   *parent,
                   GestContext *context,
                   const char  *uuid,
                   const char  *title,
                   const char  *kind,
                   GtkWidget  **out_box)
{
  LetterWindow *self = g_new0 (LetterWindow, 1);
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_context_get_store (context);
  GtkWidget *window = adw_window_new ();
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->window = GTK_WINDOW (window);
  self->context = g_object_ref (context);
  self->uuid = g_strdup (uuid);
  self->cancellable = g_cancellable_new ();
  g_object_weak_ref (G_OBJECT (window), letter_window_free, self);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->template_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->template_row), _("Template"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->template_row));
  gtk_box_append (GTK_BOX (box), group);
  self->error = gest_field_error_label_new (ADW_PREFERENCES_GROUP (group));

  self->complaint = gest_complaint_load (store, uuid, &error);
  if (self->complaint != NULL)
    self->templates = gest_complaint_letter_templates (store, kind, &error);
  if (self->templates != NULL)
    for (guint i = 0; i < self->templates->len; i++)
      gtk_string_list_append (names, ((GestTemplateRecord *) g_ptr_array_index (self->templates, i))->name);
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  if (error != NULL)
    gest_field_error_show (NULL, self->error, error->message);
  if (self->complaint != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", self->complaint->folio, self->complaint->customer_name);

      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
    }
  *out_box = box;
  return self;
}

/* Buttons at the foot: @email (suggested) and @other. */
static void
add_buttons (LetterWindow *self,
             GtkWidget    *box,
             const char   *email_label,
             const char   *other_label,
             GCallback     email_cb,
             GCallback     other_cb)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->other_button = gtk_button_new_with_mnemonic (other_label);
  self->email_button = gtk_button_new_with_mnemonic (email_label);
  gtk_widget_add_css_class (self->email_button, "suggested-action");
  g_signal_connect_swapped (self->other_button, "clicked", other_cb, self);
  g_signal_connect_swapped (self->email_button, "clicked", email_cb, self);
  gtk_box_append (GTK_BOX (buttons), self->other_button);
  gtk_box_append (GTK_BOX (buttons), self->email_button);
  gtk_box_append (GTK_BOX (box), buttons);
  set_busy (self, self->complaint == NULL);
  if (self->complaint != NULL && !gtk_widget_get_sensitive (self->email_button))
    {
      g_autofree char *why = g_strdup_printf (_("%s has no email address: add it to the customer to send by email."),
                                              self->complaint->customer_name);

      gtk_widget_set_tooltip_text (self->email_button, why);
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LetterWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (gest_store_write_finish (GEST_STORE (object), result, &error))
    gtk_window_close (self->window);
  else
    {
      gest_field_error_show (NULL, self->error, error->message);
      set_busy (self, FALSE);
    }
  g_object_unref (self->window);
}

static void
start_save (LetterWindow       *self,
            GestStoreWriteFunc  func,
            const char         *how)
{
  const GestTemplateRecord *template_ = chosen_template (self);
  Save *save;

  if (template_ == NULL || self->busy)
    return;
  save = g_new0 (Save, 1);
  save->uuid = g_strdup (self->uuid);
  save->template_ = template_copy (template_);
  save->how = g_strdup (how);
  if (self->copied_row != NULL)
    save->copied_to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->copied_row)));
  save->pdf = self->pdf != NULL ? g_bytes_ref (self->pdf) : NULL;
  gest_field_error_show (NULL, self->error, NULL);
  set_busy (self, TRUE);
  g_object_ref (self->window);   /* released in saved_cb() */
  gest_store_write_async (gest_context_get_store (self->context), func, save, (GDestroyNotify) save_free,
                          NULL, saved_cb, self);
}

/* --- Q6: the "in process" message ------------------------------------------------------- */

static gboolean
in_process_write (GestStore  *store,
                  gpointer    data,
                  GError    **error)
{
  Save *save = data;

  return gest_complaint_send_in_process (store, save->uuid, save->template_, save->how, error);
}

static void
in_process_email_cb (LetterWindow *self)
{
  start_save (self, in_process_write, "email");
}

static void
in_process_phone_cb (LetterWindow *self)
{
  start_save (self, in_process_write, "phone");
}

static void
in_process_template_cb (LetterWindow *self)
{
  const GestTemplateRecord *template_ = chosen_template (self);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;

  if (template_ == NULL || self->complaint == NULL)
    return;
  values = gest_complaint_letter_values (gest_context_get_store (self->context), self->complaint);
  subject = gest_template_resolve (template_->subject, values, GEST_TEMPLATE_PLAIN);
  body = gest_template_resolve (template_->body, values, GEST_TEMPLATE_PLAIN);
  /* Translators: the message's subject line above its text. */
  text = g_strdup_printf (_("Subject: %s\n\n%s"), subject, body);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), text, -1);
}

void
gest_complaint_in_process_dialog_present (GtkWindow   *parent,
                                          GestContext *context,
                                          const char  *complaint_uuid)
{
  LetterWindow *self;
  GtkWidget *box;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  g_return_if_fail (GEST_IS_CONTEXT (context));
  g_return_if_fail (complaint_uuid != NULL);

  self = letter_window_new (parent, context, complaint_uuid, _("“In process” message"),
                            GEST_COMPLAINT_TEMPLATE_IN_PROCESS, &box);
  gtk_window_set_default_size (self->window, 560, 620);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Message to the customer"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Send it by email, or read it to the customer by phone and record it. "
                                           "Either way it is logged on the case."));
  self->message_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->message_view, FALSE);
  gtk_text_view_set_wrap_mode (self->message_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->message_view, 8);
  gtk_text_view_set_bottom_margin (self->message_view, 8);
  gtk_text_view_set_left_margin (self->message_view, 8);
  gtk_text_view_set_right_margin (self->message_view, 8);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->message_view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_box_append (GTK_BOX (box), group);
  add_buttons (self, box, _("Send by _Email"), _("Given by _Phone"),
               G_CALLBACK (in_process_email_cb), G_CALLBACK (in_process_phone_cb));
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (in_process_template_cb), self);
  in_process_template_cb (self);
  gtk_window_present (self->window);
}

/* --- Q8: the answer letter ---------------------------------------------------------------- */

static gboolean
answer_write (GestStore  *store,
              gpointer    data,
              GError    **error)
{
  Save *save = data;

  return gest_complaint_answer_letter_sent (store, save->uuid, save->template_, save->pdf, save->how,
                                            save->copied_to, NULL, error);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GestComplaintLetterParts *parts = task_data;
  GError *error = NULL;
  GBytes *pdf = gest_complaint_answer_letter_parts_render (parts, &error);

  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LetterWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);

  if (pdf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gest_field_error_show (NULL, self->error, error->message);
      g_object_unref (self->window);
      return;
    }
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_bytes_ref (pdf);
  if (self->pdf_dir == NULL)
    self->pdf_dir = g_dir_make_tmp ("gestiona-answer-XXXXXX", &error);
  if (self->pdf_dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", self->complaint->folio);

      g_free (self->pdf_path);
      self->pdf_path = g_build_filename (self->pdf_dir, name, NULL);
      if (g_file_set_contents (self->pdf_path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), &error))
        gest_document_preview_set_file (GEST_DOCUMENT_PREVIEW (self->preview), self->pdf_path, NULL);
    }
  if (error != NULL)
    gest_field_error_show (NULL, self->error, error->message);
  else if (self->complaint->solution_approved_at != 0)
    set_busy (self, FALSE);
  g_object_unref (self->window);
}

static void
answer_template_cb (LetterWindow *self)
{
  const GestTemplateRecord *template_ = chosen_template (self);
  g_autoptr(GTask) task = NULL;

  if (template_ == NULL || self->complaint == NULL)
    return;
  set_busy (self, TRUE);
  g_object_ref (self->window);   /* released in rendered_cb() */
  task = g_task_new (NULL, self->cancellable, rendered_cb, self);
  g_task_set_task_data (task, gest_complaint_answer_letter_prepare (gest_context_get_store (self->context),
                                                                    self->complaint, template_),
                        (GDestroyNotify) gest_complaint_letter_parts_free);
  g_task_set_source_tag (task, answer_template_cb);
  g_task_run_in_thread (task, render_thread);
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LetterWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (gest_document_print_finish (result, &error))
    {
      self->busy = FALSE;
      start_save (self, answer_write, "print");
    }
  else
    {
      if (error != NULL)
        gest_field_error_show (NULL, self->error, error->message);
      set_busy (self, FALSE);
    }
  g_object_unref (self->window);
}

static void
answer_print_cb (LetterWindow *self)
{
  if (self->pdf_path == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  g_object_ref (self->window);   /* released in printed_cb() */
  gest_document_print_async (self->window, gest_context_get_render_queue (self->context), self->pdf_path, NULL,
                             self->complaint->folio, self->cancellable, printed_cb, self);
}

static void
answer_email_cb (LetterWindow *self)
{
  start_save (self, answer_write, "email");
}

void
gest_complaint_letter_window_present (GtkWindow   *parent,
                                      GestContext *context,
                                      const char  *complaint_uuid)
{
  LetterWindow *self;
  GtkWidget *box;
  GtkWidget *group;

  g_return_if_fail (GEST_IS_CONTEXT (context));
  g_return_if_fail (complaint_uuid != NULL);

  self = letter_window_new (parent, context, complaint_uuid, _("Answer letter"), GEST_COMPLAINT_TEMPLATE_ANSWER,
                            &box);
  group = gtk_widget_get_first_child (box);
  self->copied_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->copied_row), _("Copied to the areas"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->copied_row));
  self->preview = gest_document_preview_new (gest_context_get_render_queue (context));
  gtk_widget_set_size_request (self->preview, -1, 480);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_box_append (GTK_BOX (box), self->preview);
  add_buttons (self, box, _("Send by _Email"), _("_Print"),
               G_CALLBACK (answer_email_cb), G_CALLBACK (answer_print_cb));
  if (self->complaint != NULL && self->complaint->solution_approved_at == 0)
    {
      g_autofree char *why = g_strdup_printf (_("The answer letter of case %s cannot go out before the head of customer service approves the solution. Ask for the approval first."),
                                              self->complaint->folio);

      gest_field_error_show (NULL, self->error, why);
    }
  g_signal_connect_swapped (self->template_row, "notify::selected", G_CALLBACK (answer_template_cb), self);
  answer_template_cb (self);
  gtk_window_present (self->window);
}
