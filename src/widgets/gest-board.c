/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "gest-board-private.h"
#include "gest-board-card.h"

/* Column loads running on worker threads at once; the others wait their turn, so that the
 * UI thread keeps a core (eight at once made the first frame wait for them). */
#define MAX_RUNNING_LOADS 2

G_DEFINE_FINAL_TYPE (GestBoard, gest_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_LOADING,
  PROP_NARROW,
  PROP_CURRENT_COLUMN,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum {
  QUEUED = 1,
  QUEUED_REFRESH = 2,
};

static void start_loads (GestBoard *self);

static void
column_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GestBoard) self = user_data;
  GestBoardColumnModel *model = GEST_BOARD_COLUMN_MODEL (object);
  g_autoptr(GError) error = NULL;
  guint column = gest_board_column_model_get_column (model);

  if (!gest_board_column_model_load_finish (model, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not load the cards: %s"), error->message);

          g_warning ("Column %u: %s", column, error->message);
          gest_board_show_message (self, message);
        }
    }
  /* A queued load of this column brings newer ids: the card to select waits for it. */
  else if (self->select_id != 0 && self->select_column == (int) column && column < self->columns->len &&
           column < self->queued->len && g_array_index (self->queued, guint8, column) == 0)
    {
      int position = gest_board_column_model_find (model, self->select_id);

      self->select_id = 0;
      if (position >= 0)
        {
          GestBoardColumn *target = g_ptr_array_index (self->columns, column);

          gest_board_column_select (target, (guint) position);
          gtk_widget_grab_focus (GTK_WIDGET (target));
        }
    }

  g_assert (self->n_loading > 0 && self->n_running > 0);
  self->n_running--;
  start_loads (self);
  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Starts queued loads while fewer than MAX_RUNNING_LOADS run. */
static void
start_loads (GestBoard *self)
{
  if (self->start_id != 0)
    return;
  while (self->n_running < MAX_RUNNING_LOADS && !g_queue_is_empty (&self->queue))
    {
      guint column = GPOINTER_TO_UINT (g_queue_pop_head (&self->queue));
      gboolean refresh = g_array_index (self->queued, guint8, column) == QUEUED_REFRESH;
      GestBoardColumn *widget = g_ptr_array_index (self->columns, column);

      g_array_index (self->queued, guint8, column) = 0;
      self->n_running++;
      gest_board_column_model_load_async (gest_board_column_get_model (widget), &self->filter, refresh,
                                          self->cancellable, column_loaded_cb, g_object_ref (self));
    }
}

static gboolean
start_loads_cb (gpointer user_data)
{
  GestBoard *self = user_data;

  self->start_id = 0;
  start_loads (self);
  return G_SOURCE_REMOVE;
}

/* Queues a load of @column (once: a column already waiting loads once, with the newest
 * filter). */
static void
load_column (GestBoard *self,
             guint      column,
             gboolean   refresh)
{
  guint8 *queued = &g_array_index (self->queued, guint8, column);

  if (*queued != 0)
    {
      if (refresh)
        *queued = QUEUED_REFRESH;
      return;
    }
  *queued = refresh ? QUEUED_REFRESH : QUEUED;
  g_queue_push_tail (&self->queue, GUINT_TO_POINTER (column));
  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  start_loads (self);
}

static void
clear_queue (GestBoard *self)
{
  guint n = g_queue_get_length (&self->queue);

  g_queue_clear (&self->queue);
  g_array_set_size (self->queued, 0);
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_assert (self->n_loading >= n);
  self->n_loading -= n;
}

static void
load_all (GestBoard *self,
          gboolean   refresh)
{
  gest_board_update_columns_visible (self);
  for (guint i = 0; i < self->columns->len; i++)
    load_column (self, i, refresh);
}

/* How many cards a column can show at most: the tallest monitor (or the window, when taller)
 * over the height of a card, and one more for a card cut at the bottom. */
static guint
head_size (GestBoard *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  if (height <= 0)
    height = 1080;
  return (guint) (height / MAX (gest_board_card_get_min_height (GTK_WIDGET (self)), 1)) + 1;
}

/* The first cards of each column at once (when the source has them cheaply), so that the
 * first frame shows them; the whole columns follow from worker threads. */
static gboolean
load_heads (GestBoard *self)
{
  guint limit = head_size (self);
  gboolean shown = FALSE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      GestBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (self->filter.column < 0 || (guint) self->filter.column == i)
        shown |= gest_board_column_model_load_head (gest_board_column_get_model (column), &self->filter, limit);
    }
  return shown;
}

/* Columns make their list views when they first show; those scrolled out of sight get
 * theirs after the first frame, one column an idle, so that scrolling to them later is
 * smooth. */
static gboolean
build_lists_cb (gpointer user_data)
{
  GestBoard *self = user_data;

  for (guint i = 0; i < self->columns->len; i++)
    {
      GestBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (!gest_board_column_has_list (column))
        {
          gest_board_column_ensure_list (column);
          return G_SOURCE_CONTINUE;
        }
    }
  self->build_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
first_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GestBoard *self = GEST_BOARD (widget);

  /* An idle added in the update phase runs after this frame is painted. */
  self->tick_id = 0;
  if (self->build_id == 0)
    self->build_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_lists_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_build_lists (GestBoard *self)
{
  if (self->tick_id == 0 && self->build_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_tick_cb, NULL, NULL);
}

static void
stop_build_lists (GestBoard *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->build_id, g_source_remove);
}

/* The startup benchmark's hook (tests/app/bench-startup.c): with GESTIONA_BENCH_FIRST_FRAME=1
 * in the environment, the first board to paint a frame with cards in every column on screen
 * prints "first-frame monotonic=<µs>" and quits the application. */
static gboolean bench_reported;

/* Cards of @widget's subtree that are mapped and bound to an item (painted with data). */
static guint
count_painted_cards (GtkWidget *widget)
{
  guint n = 0;

  if (GEST_IS_BOARD_CARD (widget))
    return gtk_widget_get_mapped (widget) && gest_board_card_get_item (GEST_BOARD_CARD (widget)) != NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_painted_cards (child);
  return n;
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GestBoard     *self)
{
  guint n_cards = 0;

  /* Columns on screen have their list view (gest-board-column.c makes it when in view). */
  for (guint i = 0; i < self->columns->len; i++)
    {
      GestBoardColumn *column = g_ptr_array_index (self->columns, i);
      guint n = count_painted_cards (GTK_WIDGET (column));

      if (gtk_widget_get_mapped (GTK_WIDGET (column)) && gest_board_column_has_list (column) &&
          gest_board_column_model_get_n_ids (gest_board_column_get_model (column)) > 0 && n == 0)
        return;
      n_cards += n;
    }
  if (n_cards == 0 || bench_reported)
    return;
  bench_reported = TRUE;
  printf ("first-frame monotonic=%" G_GINT64_FORMAT " cards=%u\n", g_get_monotonic_time (), n_cards);
  fflush (stdout);
  g_clear_signal_handler (&self->bench_paint_id, clock);
  if (g_application_get_default () != NULL)
    g_application_quit (g_application_get_default ());
}

static void
gest_board_map (GtkWidget *widget)
{
  GestBoard *self = GEST_BOARD (widget);

  GTK_WIDGET_CLASS (gest_board_parent_class)->map (widget);
  schedule_build_lists (self);
  if (!bench_reported && self->bench_paint_id == 0 && g_getenv ("GESTIONA_BENCH_FIRST_FRAME") != NULL)
    self->bench_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (bench_after_paint_cb), self);
}

static void
gest_board_unmap (GtkWidget *widget)
{
  GestBoard *self = GEST_BOARD (widget);

  if (self->bench_paint_id != 0)
    g_clear_signal_handler (&self->bench_paint_id, gtk_widget_get_frame_clock (widget));
  stop_build_lists (self);
  GTK_WIDGET_CLASS (gest_board_parent_class)->unmap (widget);
}

static void
source_changed_cb (GestBoard *self)
{
  load_all (self, TRUE);
}

static void
column_move_item_cb (GestBoard *self,
                     gint64     id,
                     int        to_column)
{
  gest_board_move_item (self, id, to_column);
}

static void
column_item_activated_cb (GestBoard     *self,
                          GestBoardItem *item)
{
  const char *uuid = gest_board_item_get_uuid (item);

  if (uuid != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, uuid);
}

static void
clear_columns (GestBoard *self)
{
  clear_queue (self);
  for (guint i = 0; i < self->columns->len; i++)
    gtk_box_remove (self->columns_box, g_ptr_array_index (self->columns, i));
  g_ptr_array_set_size (self->columns, 0);
}

static void
gest_board_dispose (GObject *object)
{
  GestBoard *self = GEST_BOARD (object);

  g_cancellable_cancel (self->cancellable);
  stop_build_lists (self);
  if (self->queued != NULL)
    clear_queue (self);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_BOARD);
  /* They went with the template's box. */
  self->message_box = self->switcher_box = self->previous_button = self->next_button = NULL;
  self->message_label = self->switcher_label = NULL;

  G_OBJECT_CLASS (gest_board_parent_class)->dispose (object);
}

static void
gest_board_finalize (GObject *object)
{
  GestBoard *self = GEST_BOARD (object);

  gest_board_filter_clear (&self->filter);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->queued);
  g_free (self->read_only_reason);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gest_board_parent_class)->finalize (object);
}

static void
gest_board_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GestBoard *self = GEST_BOARD (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    case PROP_CURRENT_COLUMN:
      g_value_set_uint (value, self->current_column);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GestBoard *self = GEST_BOARD (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      gest_board_set_source (self, g_value_get_object (value));
      break;
    case PROP_NARROW:
      gest_board_set_narrow (self, g_value_get_boolean (value));
      break;
    case PROP_CURRENT_COLUMN:
      gest_board_set_current_column (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_class_init (GestBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_board_dispose;
  object_class->finalize = gest_board_finalize;
  object_class->get_property = gest_board_get_property;
  object_class->set_property = gest_board_set_property;
  widget_class->map = gest_board_map;
  widget_class->unmap = gest_board_unmap;

  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, GEST_TYPE_BOARD_SOURCE,
                                                 G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                 G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                   G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NARROW] = g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                  G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_COLUMN] = g_param_spec_uint ("current-column", NULL, NULL, 0, G_MAXUINT, 0,
                                                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gestiona/Gestiona/widgets/gest-board.ui");
  gtk_widget_class_bind_template_child (widget_class, GestBoard, box);
  gtk_widget_class_bind_template_child (widget_class, GestBoard, columns_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "board");
}

static void
gest_board_init (GestBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns = g_ptr_array_new ();
  self->queued = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_queue_init (&self->queue);
  self->cancellable = g_cancellable_new ();
  self->filter.column = -1;
}

GtkWidget *
gest_board_new (void)
{
  return g_object_new (GEST_TYPE_BOARD, NULL);
}

GestBoardSource *
gest_board_get_source (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), NULL);

  return self->source;
}

void
gest_board_set_source (GestBoard       *self,
                       GestBoardSource *source)
{
  guint n;

  g_return_if_fail (GEST_IS_BOARD (self));
  g_return_if_fail (source == NULL || GEST_IS_BOARD_SOURCE (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  clear_columns (self);
  g_set_object (&self->source, source);
  if (source == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
      return;
    }

  g_signal_connect_object (source, "changed", G_CALLBACK (source_changed_cb), self, G_CONNECT_SWAPPED);
  n = gest_board_source_get_n_columns (source);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GestBoardColumnModel) model = gest_board_column_model_new (source, i);
      GtkWidget *column = gest_board_column_new (model, gest_board_source_get_column_title (source, i),
                                                 gest_board_source_column_read_only (source, i));

      if (self->read_only_reason != NULL)
        gest_board_column_set_read_only_reason (GEST_BOARD_COLUMN (column), self->read_only_reason);
      g_signal_connect_object (column, "move-item", G_CALLBACK (column_move_item_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (column, "item-activated", G_CALLBACK (column_item_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }
  g_array_set_size (self->queued, n);
  schedule_build_lists (self);
  /* With the first cards on screen, the worker threads start after the frame that shows
   * them (idles of this priority wait for the frame clock's). */
  if (load_heads (self))
    self->start_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_loads_cb, self, NULL);
  load_all (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

void
gest_board_set_filter (GestBoard             *self,
                       const GestBoardFilter *filter)
{
  g_return_if_fail (GEST_IS_BOARD (self));
  g_return_if_fail (filter != NULL);

  gest_board_filter_clear (&self->filter);
  gest_board_filter_copy (filter, &self->filter);
  load_all (self, FALSE);
}

const GestBoardFilter *
gest_board_get_filter (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), NULL);

  return &self->filter;
}

void
gest_board_reload (GestBoard *self)
{
  g_return_if_fail (GEST_IS_BOARD (self));

  load_all (self, TRUE);
}

gboolean
gest_board_get_loading (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), FALSE);

  return self->n_loading > 0;
}

guint
gest_board_get_n_items (GestBoard *self)
{
  guint n = 0;

  g_return_val_if_fail (GEST_IS_BOARD (self), 0);

  for (guint i = 0; i < self->columns->len; i++)
    n += g_list_model_get_n_items (G_LIST_MODEL (gest_board_column_get_model (g_ptr_array_index (self->columns, i))));
  return n;
}

guint
gest_board_get_n_columns (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), 0);

  return self->columns->len;
}

GestBoardColumn *
gest_board_get_column (GestBoard *self,
                       guint      column)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, column);
}

void
gest_board_set_read_only_reason (GestBoard  *self,
                                 const char *reason)
{
  g_return_if_fail (GEST_IS_BOARD (self));

  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  for (guint i = 0; i < self->columns->len; i++)
    gest_board_column_set_read_only_reason (g_ptr_array_index (self->columns, i), reason);
}

typedef struct
{
  GestBoard *board;
  gint64     id;
  int        column;
} Move;

static void
item_moved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree Move *move = user_data;
  g_autoptr(GestBoard) self = move->board;
  g_autoptr(GError) error = NULL;
  guint n = self->columns->len;

  if (!gest_board_source_move_finish (GEST_BOARD_SOURCE (object), result, &error))
    {
      gest_board_show_message (self, error->message);
      return;
    }
  /* The source may have been replaced while the save ran: its columns are loaded anew. */
  if (self->source != GEST_BOARD_SOURCE (object) || (guint) move->column >= n)
    return;

  /* The card leaves its column; both columns then reload from the source, which also
   * supersedes a load that started before the move. */
  for (guint i = 0; i < n; i++)
    {
      GestBoardColumnModel *model = gest_board_column_get_model (g_ptr_array_index (self->columns, i));

      if (i != (guint) move->column && gest_board_column_model_find (model, move->id) >= 0)
        {
          gest_board_column_model_remove_id (model, move->id);
          load_column (self, i, FALSE);
        }
    }
  self->select_id = move->id;
  self->select_column = move->column;
  /* Narrow, the board follows the card to its new column. */
  if (self->narrow && self->filter.column < 0)
    gest_board_set_current_column (self, (guint) move->column);
  load_column (self, (guint) move->column, FALSE);
}

gboolean
gest_board_move_item (GestBoard *self,
                      gint64     id,
                      int        column)
{
  g_autoptr(GError) error = NULL;
  Move *move;
  guint n;

  g_return_val_if_fail (GEST_IS_BOARD (self), FALSE);
  g_return_val_if_fail (self->source != NULL, FALSE);

  n = self->columns->len;
  if (column < 0)
    {
      gest_board_show_message (self, _("This card is in the first column: there is no previous step."));
      return FALSE;
    }
  if ((guint) column >= n)
    {
      gest_board_show_message (self, _("This card is in the last column: there is no next step."));
      return FALSE;
    }

  if (!gest_board_source_can_move (self->source, id, (guint) column, &error))
    {
      gest_board_show_message (self, error->message);
      return FALSE;
    }
  gest_board_show_message (self, NULL);

  /* The board stays alive until the save reports: the move is the user's, it is never
   * called off, and its outcome is shown. */
  move = g_new0 (Move, 1);
  move->board = g_object_ref (self);
  move->id = id;
  move->column = column;
  gest_board_source_move_async (self->source, id, (guint) column, NULL, item_moved_cb, move);
  return TRUE;
}

void
gest_board_set_narrow (GestBoard *self,
                       gboolean   narrow)
{
  g_return_if_fail (GEST_IS_BOARD (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  gest_board_update_columns_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

gboolean
gest_board_get_narrow (GestBoard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD (self), FALSE);

  return self->narrow;
}

void
gest_board_set_current_column (GestBoard *self,
                               guint      column)
{
  g_return_if_fail (GEST_IS_BOARD (self));

  if (self->columns->len > 0)
    column = MIN (column, self->columns->len - 1);
  if (self->current_column == column)
    return;
  self->current_column = column;
  gest_board_update_columns_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_COLUMN]);
}
