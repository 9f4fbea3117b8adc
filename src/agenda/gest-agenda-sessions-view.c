/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-sessions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-day-nav.h"
#include "gest-agenda-sessions-view.h"
#include "gest-agenda-text.h"
#include "gest-field-error.h"
#include "gest-reservation-reader.h"
#include "gest-tech-session.h"

struct _GestAgendaSessionsView
{
  GtkWidget              parent_instance;

  GtkWidget             *scrolled;           /* the only child */
  GestAgendaDayNav      *nav;
  GtkWidget             *spinner;
  AdwPreferencesGroup   *group;
  GtkLabel              *error;
  GPtrArray             *rows;               /* borrowed */

  GestContext           *context;
  GestStore             *store;              /* the context's; NULL once disposed */
  GestReservationReader *reader;
  GCancellable          *cancellable;
  guint                  serial;
  gboolean               loading;
  char                  *error_text;
  gboolean               busy;
};

G_DEFINE_FINAL_TYPE (GestAgendaSessionsView, gest_agenda_sessions_view, GTK_TYPE_WIDGET)

/* A read of one day; its serial tells a stale result. */
typedef struct
{
  guint serial;
  char  day[11];            /* yyyy-mm-dd */
} DayQuery;

/* What the view reads of its day, in the reader's thread. */
typedef struct
{
  GPtrArray *sessions;      /* GestTechSession, by time */
  GArray    *free_times;    /* int */
} DayData;

typedef struct
{
  char *uuid;
  char *state;
} StateWrite;

static void
day_data_free (gpointer data)
{
  DayData *day = data;

  g_clear_pointer (&day->sessions, g_ptr_array_unref);
  g_clear_pointer (&day->free_times, g_array_unref);
  g_free (day);
}

static gpointer
day_load (GestStore     *store,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *iso = ((DayQuery *) data)->day;
  DayData *day = g_new0 (DayData, 1);

  day->sessions = gest_tech_sessions_day (store, iso, error);
  if (day->sessions != NULL)
    day->free_times = gest_tech_sessions_free (store, iso, error);
  if (day->free_times == NULL)
    {
      day_data_free (day);
      return NULL;
    }
  return day;
}

static void
state_write_free (gpointer data)
{
  StateWrite *w = data;

  g_free (w->uuid);
  g_free (w->state);
  g_free (w);
}

static gboolean
state_write (GestStore  *store,
             gpointer    data,
             GError    **error)
{
  StateWrite *w = data;

  return gest_tech_session_set_state (store, w->uuid, w->state, error);
}

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "held") == 0)
    return _("Held");
  if (g_strcmp0 (state, "missed") == 0)
    return _("Missed");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _("Cancelled");
  return _("Booked");
}

static void
show_error (GestAgendaSessionsView *self,
            const char             *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gest_field_error_show (NULL, self->error, message);
}

static void
set_loading (GestAgendaSessionsView *self,
             gboolean                loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  gtk_widget_set_visible (self->spinner, loading);
  /* The rows shown are the previous day's until the new ones arrive: not to be acted on. */
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->rows, i), !loading);
}

static void
state_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GestAgendaSessionsView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (self->store == NULL)
    return;
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      show_error (self, error->message);
      return;
    }
  gest_agenda_sessions_view_reload (self);
}

static void
state_clicked_cb (GtkButton              *button,
                  GestAgendaSessionsView *self)
{
  StateWrite *w;

  if (self->busy)
    return;
  self->busy = TRUE;
  w = g_new0 (StateWrite, 1);
  w->uuid = g_strdup (g_object_get_data (G_OBJECT (button), "gest-session"));
  w->state = g_strdup (g_object_get_data (G_OBJECT (button), "gest-state"));
  gest_store_write_async (self->store, state_write, w, state_write_free, NULL, state_saved_cb, g_object_ref (self));
}

static void
booked_cb (GestAgendaSessionsView *self)
{
  gest_agenda_sessions_view_reload (self);
}

static void
book_clicked_cb (GtkButton              *button,
                 GestAgendaSessionsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gest_agenda_session_dialog_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                      gest_agenda_sessions_view_get_day (self),
                                      GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gest-time")), NULL,
                                      g_cclosure_new_object_swap (G_CALLBACK (booked_cb), G_OBJECT (self)));
}

static GtkWidget *
button_new (const char *label,
            GCallback   callback,
            gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static GtkWidget *
add_row (GestAgendaSessionsView *self,
         const char             *title,
         const char             *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_session (GestAgendaSessionsView *self,
             GestTechSession        *session)
{
  g_autofree char *time = gest_agenda_time_text (session->starts_min);
  /* Translators: a session: "María Pérez · SUV Escape 2021 · Booked". */
  g_autofree char *text = g_strdup_printf (_("%s · %s %s · %s"), session->customer_name,
                                           session->vehicle_type != NULL ? session->vehicle_type : "",
                                           session->model != NULL ? session->model : "",
                                           state_label (session->state));
  GtkWidget *row = add_row (self, time, text);
  const char * const states[] = { "held", "missed" };
  const char * const labels[] = { N_("_Held"), N_("_Missed") };

  if (g_strcmp0 (session->state, "booked") != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      GtkWidget *button = button_new (_(labels[i]), G_CALLBACK (state_clicked_cb), self);

      g_object_set_data_full (G_OBJECT (button), "gest-session", g_strdup (session->uuid), g_free);
      g_object_set_data (G_OBJECT (button), "gest-state", (gpointer) states[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
}

static void
show_day (GestAgendaSessionsView *self,
          DayData                *day)
{
  const char *iso = gest_agenda_sessions_view_get_day (self);
  gint64 now = g_get_real_time ();
  guint s = 0, f = 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (day->sessions->len == 0 && day->free_times->len == 0)
    add_row (self, _("No sessions this day"),
             _("The specialist has no session slots on a non-working day. Choose another day."));
  /* Both lists are by time: merge them, so the day reads slot by slot. */
  while (s < day->sessions->len || f < day->free_times->len)
    {
      GestTechSession *session = s < day->sessions->len ? g_ptr_array_index (day->sessions, s) : NULL;
      int free_at = f < day->free_times->len ? g_array_index (day->free_times, int, f) : G_MAXINT;

      if (session != NULL && session->starts_min <= free_at)
        {
          add_session (self, session);
          s++;
        }
      else if (gest_agenda_day_moment (iso, free_at) < now)
        f++;   /* a free slot whose time has passed is not offered */
      else
        {
          g_autofree char *time = gest_agenda_time_text (free_at);
          GtkWidget *row = add_row (self, time, _("Free"));
          GtkWidget *book = button_new (_("_Book…"), G_CALLBACK (book_clicked_cb), self);

          g_object_set_data (G_OBJECT (book), "gest-time", GINT_TO_POINTER (free_at));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), book);
          f++;
        }
    }
  if (self->rows->len == 0)
    add_row (self, _("No sessions this day"), _("No session slot is left this day. Choose another day."));
}

static void
day_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GestAgendaSessionsView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint serial = ((DayQuery *) gest_reservation_reader_get_data (result))->serial;
  DayData *day = gest_reservation_reader_run_finish (result, &error);

  if (self->store == NULL || serial != self->serial)
    {
      g_clear_pointer (&day, day_data_free);
      return;
    }
  if (day == NULL)
    show_error (self, error->message);
  else
    show_day (self, day);
  set_loading (self, FALSE);
  g_clear_pointer (&day, day_data_free);
}

static void
day_changed_cb (GestAgendaSessionsView *self)
{
  gest_agenda_sessions_view_reload (self);
}

static void
gest_agenda_sessions_view_dispose (GObject *object)
{
  GestAgendaSessionsView *self = GEST_AGENDA_SESSIONS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_agenda_sessions_view_parent_class)->dispose (object);
}

static void
gest_agenda_sessions_view_finalize (GObject *object)
{
  GestAgendaSessionsView *self = GEST_AGENDA_SESSIONS_VIEW (object);

  g_ptr_array_unref (self->rows);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reader, gest_reservation_reader_unref);
  g_free (self->error_text);

  G_OBJECT_CLASS (gest_agenda_sessions_view_parent_class)->finalize (object);
}

static void
gest_agenda_sessions_view_class_init (GestAgendaSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_agenda_sessions_view_dispose;
  object_class->finalize = gest_agenda_sessions_view_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gest_agenda_sessions_view_init (GestAgendaSessionsView *self)
{
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
gest_agenda_sessions_view_new (GestContext *context)
{
  GestAgendaSessionsView *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_AGENDA_SESSIONS_VIEW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->reader = gest_reservation_reader_new (gest_store_get_path (self->store));
  self->nav = GEST_AGENDA_DAY_NAV (gest_agenda_day_nav_new ());
  g_signal_connect_swapped (self->nav, "day-changed", G_CALLBACK (day_changed_cb), self);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Technology Sessions"));
  adw_preferences_group_set_description (self->group,
                                         _("The specialist shows customers their vehicle’s technology. Book a free slot, "
                                           "or from a reservation’s page."));
  self->spinner = gtk_spinner_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading…"), -1);
  adw_preferences_group_set_header_suffix (self->group, self->spinner);
  self->error = gest_field_error_label_new (self->group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->nav));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gest_agenda_sessions_view_reload (self);
  return GTK_WIDGET (self);
}

void
gest_agenda_sessions_view_set_day (GestAgendaSessionsView *self,
                                   const char             *day)
{
  g_return_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self));
  g_return_if_fail (day != NULL);

  /* "day-changed" reloads. */
  gest_agenda_day_nav_set_day (self->nav, day);
}

const char *
gest_agenda_sessions_view_get_day (GestAgendaSessionsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self), NULL);

  return gest_agenda_day_nav_get_day (self->nav);
}

const char *
gest_agenda_sessions_view_get_error (GestAgendaSessionsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self), NULL);

  return self->error_text;
}

gboolean
gest_agenda_sessions_view_get_loading (GestAgendaSessionsView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self), FALSE);

  return self->loading;
}

void
gest_agenda_sessions_view_reload (GestAgendaSessionsView *self)
{
  DayQuery *query;

  g_return_if_fail (GEST_IS_AGENDA_SESSIONS_VIEW (self));

  if (self->store == NULL)
    return;
  show_error (self, NULL);
  set_loading (self, TRUE);
  query = g_new0 (DayQuery, 1);
  query->serial = ++self->serial;
  g_strlcpy (query->day, gest_agenda_day_nav_get_day (self->nav), sizeof query->day);
  gest_reservation_reader_run_async (self->reader, day_load, query, g_free, day_data_free, self->cancellable,
                                     day_loaded_cb, g_object_ref (self));
}
