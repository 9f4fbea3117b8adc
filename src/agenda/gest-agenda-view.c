/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-view-private.h"
#include "gest-date.h"

static void gest_agenda_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestAgendaView, gest_agenda_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, gest_agenda_view_scrollable_init))

enum {
  PROP_0,
  PROP_ERROR,
  PROP_LOADING,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  SLOT_ACTIVATED,
  RESERVATION_ACTIVATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The views' read-only connection, opened on the first load's thread and kept for the next
 * (a week after another is one query, not a new connection); one load uses it at a time. */
struct _GestAgendaReader
{
  GMutex     lock;
  char      *db_path;
  GestStore *store;
};

static GestAgendaReader *
reader_new (const char *db_path)
{
  GestAgendaReader *reader = g_atomic_rc_box_new0 (GestAgendaReader);

  g_mutex_init (&reader->lock);
  reader->db_path = g_strdup (db_path);
  return reader;
}

static void
reader_clear (GestAgendaReader *reader)
{
  g_clear_object (&reader->store);
  g_free (reader->db_path);
  g_mutex_clear (&reader->lock);
}

static void
reader_unref (GestAgendaReader *reader)
{
  g_atomic_rc_box_release_full (reader, (GDestroyNotify) reader_clear);
}

typedef struct
{
  GestAgendaReader *reader;
  char     *from_day;
  guint     n_days;
  gint64    now;
  guint     serial;
} LoadData;

static void
load_data_free (LoadData *data)
{
  reader_unref (data->reader);
  g_free (data->from_day);
  g_free (data);
}

/* --- Geometry ------------------------------------------------------------------------------- */

GestAgendaColumn *
gest_agenda_view_shown_column (GestAgendaView *self,
                               int             index)
{
  if (self->grid == NULL || index < 0 || (guint) index >= self->shown->len)
    return NULL;
  return g_ptr_array_index (self->grid->columns, g_array_index (self->shown, guint, index));
}

double
gest_agenda_view_column_width (GestAgendaView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_W;
  guint n = MAX (self->shown->len, 1);

  if (n * COLUMN_W < (guint) MAX (width, 0))
    return (double) width / n;
  return COLUMN_W;
}

static double
content_height (GestAgendaView *self)
{
  if (self->grid == NULL)
    return HEADER_H;
  return HEADER_H + (self->grid->last_min - self->grid->first_min) * PX_PER_MIN;
}

double
gest_agenda_view_y_of_minute (GestAgendaView *self,
                              int             minute)
{
  return HEADER_H + (minute - self->grid->first_min) * PX_PER_MIN - gtk_adjustment_get_value (self->vadjustment);
}

double
gest_agenda_view_x_of_column (GestAgendaView *self,
                              int             index)
{
  return GUTTER_W + index * gest_agenda_view_column_width (self) - gtk_adjustment_get_value (self->hadjustment);
}

static void
configure_adjustments (GestAgendaView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_w = GUTTER_W + self->shown->len * gest_agenda_view_column_width (self);
  double content_h = content_height (self);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (content_w - width, 0)),
                              0, MAX (content_w, width), width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (content_h - height, 0)),
                              0, MAX (content_h, height), height * 0.1, height * 0.9, height);
}

/* --- State ---------------------------------------------------------------------------------- */

void
gest_agenda_view_set_error (GestAgendaView *self,
           const char     *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

GestReservation *
gest_agenda_view_focused_reservation (GestAgendaView *self)
{
  GestAgendaColumn *column = gest_agenda_view_shown_column (self, self->cursor_col);

  if (column == NULL)
    return NULL;
  return gest_agenda_column_reservation_at (column, self->cursor_min, self->cursor_lane, NULL);
}

static void
rebuild_shown (GestAgendaView *self)
{
  g_array_set_size (self->shown, 0);
  for (guint c = 0; self->grid != NULL && c < self->grid->columns->len; c++)
    {
      GestAgendaColumn *column = g_ptr_array_index (self->grid->columns, c);

      if (self->advisor == NULL || g_strcmp0 (self->advisor, column->advisor_uuid) == 0
          || (*self->advisor == '\0' && column->advisor_uuid == NULL))
        g_array_append_val (self->shown, c);
    }
  self->cursor_col = CLAMP (self->cursor_col, 0, MAX ((int) self->shown->len - 1, 0));
  if (self->grid != NULL)
    self->cursor_min = CLAMP (self->cursor_min, self->grid->first_min, self->grid->last_min - 1);
}

/* After a reload: the focus goes back to the reservation that was moved. */
static void
refocus (GestAgendaView *self)
{
  g_autofree char *uuid = g_steal_pointer (&self->refocus);

  if (uuid == NULL || self->grid == NULL)
    return;
  for (guint i = 0; i < self->shown->len; i++)
    {
      GestAgendaColumn *column = gest_agenda_view_shown_column (self, i);

      for (guint j = 0; j < column->reservations->len; j++)
        {
          GestReservation *r = g_ptr_array_index (column->reservations, j);

          if (g_strcmp0 (r->uuid, uuid) == 0)
            {
              self->cursor_col = i;
              self->cursor_min = gest_agenda_column_snap (column, r->starts_min);
              self->cursor_lane = g_array_index (column->lanes, GestAgendaLane, j).lane;
              return;
            }
        }
    }
}

static void
set_loading (GestAgendaView *self,
             gboolean        loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, self->loading, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The task holds the view (its user data, not its source object: the last reference of a
 * source object could drop in the worker thread); a view disposed meanwhile does nothing. */
static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GestAgendaView) self = user_data;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GestAgendaGrid *grid = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL
      || data->serial != self->serial)
    {
      g_clear_pointer (&grid, gest_agenda_grid_free);
      return;
    }
  set_loading (self, FALSE);
  if (grid == NULL)
    gest_agenda_view_set_error (self, error->message);
  else
    {
      g_clear_pointer (&self->grid, gest_agenda_grid_free);
      self->grid = grid;
      if (self->cursor_min == 0)
        self->cursor_min = grid->first_min;
      rebuild_shown (self);
      refocus (self);
    }
  /* Inside its scrolled window the view's size is the adjustments': no relayout of the page. */
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gest_agenda_view_announce_focus (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  GestAgendaReader *reader = data->reader;
  GestAgendaGrid *grid = NULL;

  g_mutex_lock (&reader->lock);
  if (reader->store == NULL)
    {
      g_autoptr(GestStore) store = gest_store_open (reader->db_path, &error);

      if (store != NULL && gest_store_set_read_only (store, TRUE, &error))
        reader->store = g_steal_pointer (&store);
    }
  if (reader->store != NULL)
    grid = gest_agenda_grid_load (reader->store, data->from_day, data->n_days, data->now, &error);
  g_mutex_unlock (&reader->lock);
  if (grid == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, grid, (GDestroyNotify) gest_agenda_grid_free);
}

static char *
range_start (GestAgendaView *self,
             guint          *out_n_days)
{
  GDate date;

  if (self->day == NULL || !gest_date_from_iso (self->day, &date))
    gest_date_today (&date);
  if (self->mode == GEST_AGENDA_VIEW_WEEK)
    {
      g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
      *out_n_days = 7;
    }
  else
    *out_n_days = 1;
  return gest_date_to_iso (&date);
}

/* --- GtkWidget, GtkScrollable ---------------------------------------------------------------- */

static void
adjustment_changed_cb (GestAgendaView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (GestAgendaView  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  configure_adjustments (self);
}

static void
gest_agenda_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  configure_adjustments (GEST_AGENDA_VIEW (widget));
}

static void
gest_agenda_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_W + MIN_COL_W;
      *natural = GUTTER_W + MAX (self->shown->len, 1) * COLUMN_W;
    }
  else
    {
      *minimum = HEADER_H + 60 * PX_PER_MIN;
      *natural = MAX (*minimum, (int) content_height (self));
    }
}

static gboolean
load_idle_cb (gpointer user_data)
{
  GestAgendaView *self = user_data;

  self->load_idle = 0;
  if (self->stale)
    gest_agenda_view_reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
minute_cb (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
  return G_SOURCE_CONTINUE;
}

static void
gest_agenda_view_map (GtkWidget *widget)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (widget);

  GTK_WIDGET_CLASS (gest_agenda_view_parent_class)->map (widget);
  /* The slots that pass into the past while in sight are shaded within a minute. */
  if (self->minute_timer == 0)
    self->minute_timer = g_timeout_add_seconds (60, minute_cb, self);
  /* The range is read after the frame that shows the view: its thread does not compete with
   * that frame (an idle runs after the frame clock's paint). */
  if (self->stale && self->load_idle == 0)
    {
      self->load_idle = g_idle_add (load_idle_cb, self);
      set_loading (self, TRUE);
    }
}

static void
gest_agenda_view_unmap (GtkWidget *widget)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (widget);

  g_clear_handle_id (&self->minute_timer, g_source_remove);
  /* Hidden before its read began: it reads when it shows again. */
  if (self->load_idle != 0)
    {
      g_clear_handle_id (&self->load_idle, g_source_remove);
      set_loading (self, FALSE);
    }
  GTK_WIDGET_CLASS (gest_agenda_view_parent_class)->unmap (widget);
}

static void
gest_agenda_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  gest_agenda_view_draw (GEST_AGENDA_VIEW (widget), snapshot);
}

static void
gest_agenda_view_dispose (GObject *object)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (object);

  g_clear_handle_id (&self->minute_timer, g_source_remove);
  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->layout);
  g_clear_object (&self->bold_layout);
  for (guint i = 0; i < G_N_ELEMENTS (self->free_layouts); i++)
    g_clear_object (&self->free_layouts[i]);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_agenda_view_parent_class)->dispose (object);
}

static void
gest_agenda_view_finalize (GObject *object)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (object);

  g_clear_pointer (&self->grid, gest_agenda_grid_free);
  g_clear_pointer (&self->reader, reader_unref);
  g_array_unref (self->shown);
  g_free (self->day);
  g_free (self->advisor);
  g_free (self->refocus);
  g_free (self->error);

  G_OBJECT_CLASS (gest_agenda_view_parent_class)->finalize (object);
}

static void
gest_agenda_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_agenda_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GestAgendaView *self = GEST_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_agenda_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
gest_agenda_view_class_init (GestAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_agenda_view_dispose;
  object_class->finalize = gest_agenda_view_finalize;
  object_class->get_property = gest_agenda_view_get_property;
  object_class->set_property = gest_agenda_view_set_property;
  widget_class->measure = gest_agenda_view_measure;
  widget_class->size_allocate = gest_agenda_view_size_allocate;
  widget_class->snapshot = gest_agenda_view_snapshot;
  widget_class->map = gest_agenda_view_map;
  widget_class->unmap = gest_agenda_view_unmap;

  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                   G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SLOT_ACTIVATED] = g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);
  signals[RESERVATION_ACTIVATED] = g_signal_new ("reservation-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gest_agenda_view_input_class_init (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_widget_class_set_css_name (widget_class, "agendaview");
}

static void
gest_agenda_view_init (GestAgendaView *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cancellable = g_cancellable_new ();
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda"), -1);

  gest_agenda_view_input_init (self);
}

/* --- Public API ----------------------------------------------------------------------------- */

GtkWidget *
gest_agenda_view_new (GestContext        *context,
                      GestAgendaViewMode  mode)
{
  GestAgendaView *self;

  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  self = g_object_new (GEST_TYPE_AGENDA_VIEW, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (gest_context_get_store (context));
  self->mode = mode;
  return GTK_WIDGET (self);
}

void
gest_agenda_view_set_day (GestAgendaView *self,
                          const char     *day)
{
  g_return_if_fail (GEST_IS_AGENDA_VIEW (self));

  g_free (self->day);
  self->day = g_strdup (day);
  gest_agenda_view_reload (self);
}

void
gest_agenda_view_reload (GestAgendaView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (GEST_IS_AGENDA_VIEW (self));

  /* A view out of sight reads its range when it shows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  data = g_new0 (LoadData, 1);
  if (self->reader == NULL)
    self->reader = reader_new (gest_store_get_path (self->store));
  data->reader = g_atomic_rc_box_acquire (self->reader);
  self->stale = FALSE;
  data->from_day = range_start (self, &data->n_days);
  data->now = gest_agenda_view_now (self);
  data->serial = ++self->serial;
  set_loading (self, TRUE);
  task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, gest_agenda_view_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

void
gest_agenda_view_set_advisor (GestAgendaView *self,
                              const char     *advisor_uuid)
{
  g_return_if_fail (GEST_IS_AGENDA_VIEW (self));

  if (g_strcmp0 (self->advisor, advisor_uuid) == 0)
    return;
  g_free (self->advisor);
  self->advisor = g_strdup (advisor_uuid);
  rebuild_shown (self);
  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
gest_agenda_view_set_move_mode (GestAgendaView *self,
                                gboolean        move_mode)
{
  g_return_if_fail (GEST_IS_AGENDA_VIEW (self));

  self->move_mode = !!move_mode;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
gest_agenda_view_get_move_mode (GestAgendaView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), FALSE);

  return self->move_mode;
}

void
gest_agenda_view_set_now (GestAgendaView *self,
                          gint64          now)
{
  g_return_if_fail (GEST_IS_AGENDA_VIEW (self));

  self->now = now;
}

const char *
gest_agenda_view_get_error (GestAgendaView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), NULL);

  return self->error;
}

const GestAgendaGrid *
gest_agenda_view_get_grid (GestAgendaView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), NULL);

  return self->grid;
}

gboolean
gest_agenda_view_get_loading (GestAgendaView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), FALSE);

  return self->loading;
}

void
gest_agenda_view_focus_cell (GestAgendaView *self,
                             guint           column,
                             int             minute)
{
  g_return_if_fail (GEST_IS_AGENDA_VIEW (self));

  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, guint, i) == column)
      {
        self->cursor_col = i;
        self->cursor_min = gest_agenda_column_snap (gest_agenda_view_shown_column (self, i), minute);
        self->cursor_lane = 0;
        gest_agenda_view_scroll_to_cursor (self);
        gest_agenda_view_announce_focus (self);
        gtk_widget_queue_draw (GTK_WIDGET (self));
        return;
      }
}

const char *
gest_agenda_view_get_focused (GestAgendaView *self)
{
  GestReservation *r;

  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), NULL);

  r = gest_agenda_view_focused_reservation (self);
  return r != NULL ? r->uuid : NULL;
}

guint
gest_agenda_view_get_n_shown_columns (GestAgendaView *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_VIEW (self), 0);

  return self->shown->len;
}

void
gest_agenda_view_emit_slot (GestAgendaView *self,
                            const char     *advisor_uuid,
                            const char     *day,
                            int             starts_min)
{
  g_signal_emit (self, signals[SLOT_ACTIVATED], 0, advisor_uuid, day, starts_min);
}

void
gest_agenda_view_emit_reservation (GestAgendaView *self,
                                   const char     *uuid)
{
  g_signal_emit (self, signals[RESERVATION_ACTIVATED], 0, uuid);
}
