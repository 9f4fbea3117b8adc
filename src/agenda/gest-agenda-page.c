/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-leads-view.h"
#include "gest-agenda-page-private.h"
#include "gest-agenda-print.h"
#include "gest-agenda-schedule.h"
#include "gest-agenda-sessions-view.h"
#include "gest-date.h"
#include "gest-reservation-detail.h"
#include "gest-reservation-board-source.h"
#include "gest-reservation-dialog.h"



G_DEFINE_FINAL_TYPE (GestAgendaPage, gest_agenda_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_board (GestAgendaPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "board") == 0;
}

static void
update_range_label (GestAgendaPage *self)
{
  GDate date, last;
  g_autofree char *label = NULL;
  const char *view = adw_view_stack_get_visible_child_name (self->stack);

  if (!gest_date_from_iso (self->day, &date))
    return;
  if (g_strcmp0 (view, "week") == 0)
    {
      g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
      last = date;
      g_date_add_days (&last, 6);
      /* Translators: the week shown, "07/12 – 13/12" (day/month of its Monday and Sunday). */
      label = g_strdup_printf (_("%02d/%02d – %02d/%02d"), g_date_get_day (&date), g_date_get_month (&date),
                               g_date_get_day (&last), g_date_get_month (&last));
    }
  else
    label = gest_date_format (&date);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->range_button), label);
}

static void
reload_board (GestAgendaPage *self)
{
  GestSqlBoardSource *source = gest_reservation_board_source_new (gest_context_get_store (self->context),
                                                                  self->day);

  if (source == NULL)
    return;
  g_clear_object (&self->source);
  self->source = source;
  self->board_stale = FALSE;
  gest_board_page_set_source (self->board, GEST_BOARD_SOURCE (self->source));
}

void
gest_agenda_page_update_narrow (GestAgendaPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->advisor_dropdown));
  GestAgendaSchedule *advisor = NULL;
  gboolean day_view = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "day") == 0;

  gboolean to_assign = self->narrow && self->unassigned && selected == 0;

  if (self->narrow && !to_assign && self->advisors != NULL && self->advisors->len > 0)
    advisor = g_ptr_array_index (self->advisors, MIN (selected - (self->unassigned ? 1 : 0), self->advisors->len - 1));
  /* "": the column of the web bookings without advisor. */
  gest_agenda_view_set_advisor (self->dayview, to_assign ? "" : advisor != NULL ? advisor->advisor_uuid : NULL);
  gtk_widget_set_visible (self->advisor_dropdown, self->narrow && day_view && (advisor != NULL || to_assign));
}

/* The narrow selector's advisors: those of the day view's grid, read on its thread (none
 * until the first day arrives). The advisor chosen stays chosen when the list is rebuilt. */
static void
load_advisors (GestAgendaPage *self)
{
  const GestAgendaGrid *grid = gest_agenda_view_get_grid (self->dayview);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->advisor_dropdown));
  guint restore = 0;

  if (self->advisors != NULL && selected != GTK_INVALID_LIST_POSITION && selected >= (self->had_unassigned ? 1u : 0u)
      && selected - (self->had_unassigned ? 1 : 0) < self->advisors->len)
    chosen = g_strdup (((GestAgendaSchedule *) g_ptr_array_index (self->advisors,
                                                                   selected - (self->had_unassigned ? 1 : 0)))->advisor_uuid);
  g_clear_pointer (&self->advisors, g_ptr_array_unref);
  if (grid != NULL && grid->advisors != NULL)
    self->advisors = g_ptr_array_ref (grid->advisors);
  self->had_unassigned = self->unassigned;
  if (self->unassigned)
    gtk_string_list_append (names, _("To assign"));
  for (guint i = 0; self->advisors != NULL && i < self->advisors->len; i++)
    {
      GestAgendaSchedule *advisor = g_ptr_array_index (self->advisors, i);

      if (g_strcmp0 (advisor->advisor_uuid, chosen) == 0)
        restore = i + (self->unassigned ? 1 : 0);
      gtk_string_list_append (names, advisor->advisor_name);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->advisor_dropdown), G_LIST_MODEL (names));
  if (chosen != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->advisor_dropdown), restore);
}

void
gest_agenda_page_show_day (GestAgendaPage *self,
          const char     *day)
{
  GDate date;

  if (day != NULL && day != self->day)
    {
      g_free (self->day);
      self->day = g_strdup (day);
    }
  gest_agenda_view_set_day (self->week, self->day);
  gest_agenda_view_set_day (self->dayview, self->day);
  /* The board reads its day when it shows, as the views do. */
  if (is_board (self) || self->source == NULL)
    reload_board (self);
  else
    self->board_stale = TRUE;
  update_range_label (self);
  if (gest_date_from_iso (self->day, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);

      g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_calendar_select_day (self->calendar, dt);
      g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
}

static void
view_changed_cb (GestAgendaPage *self)
{
  gboolean board = is_board (self);
  const char *view = adw_view_stack_get_visible_child_name (self->stack);
  gboolean agenda = g_strcmp0 (view, "week") == 0 || g_strcmp0 (view, "day") == 0;

  if (board && self->board_stale)
    reload_board (self);
  gtk_widget_set_visible (self->move_button, agenda);
  gtk_widget_set_visible (self->nav_box, agenda || board);
  update_range_label (self);
  gest_agenda_page_update_narrow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

void
gest_agenda_page_move_toggled_cb (GestAgendaPage *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->move_button));

  gest_agenda_view_set_move_mode (self->week, active);
  gest_agenda_view_set_move_mode (self->dayview, active);
}

/* The day's web bookings without advisor get their place in the narrow selector. */
static void
day_loaded_cb (GestAgendaPage *self)
{
  const GestAgendaGrid *grid = gest_agenda_view_get_grid (self->dayview);
  gboolean unassigned = grid != NULL && grid->columns->len > 0
                        && ((GestAgendaColumn *) g_ptr_array_index (grid->columns, 0))->advisor_uuid == NULL;

  self->unassigned = unassigned;
  load_advisors (self);
  gest_agenda_page_update_narrow (self);
}

static void
view_error_cb (GestAgendaPage *self,
               GParamSpec     *pspec,
               GestAgendaView *view)
{
  const char *error = gest_agenda_view_get_error (view);
  GtkLabel *label = view == self->week ? self->week_error : self->day_error;

  gtk_label_set_text (label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

static void
dialog_saved_cb (GestAgendaPage *self)
{
  gest_agenda_page_reload (self);
}

static void
open_dialog (GestAgendaPage              *self,
             const GestReservationValues *preset)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = gest_reservation_dialog_new (self->context, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   NULL, preset, NULL);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
slot_activated_cb (GestAgendaPage *self,
                   const char     *advisor_uuid,
                   const char     *day,
                   int             starts_min)
{
  GestReservationValues preset = {
    .advisor_uuid = advisor_uuid,
    .day = day,
    .starts_min = starts_min,
  };

  open_dialog (self, &preset);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (widget);
  GestReservationValues preset = { .day = self->day, .starts_min = -1 };

  open_dialog (self, &preset);
}

static void
reservation_activated_cb (GestAgendaPage *self,
                          const char     *uuid)
{
  gest_agenda_page_show_reservation (self, uuid);
}

static void
board_item_activated_cb (GestAgendaPage *self,
                         const char     *uuid)
{
  gest_board_page_show_detail (self->board, gest_reservation_detail_new (self->context, uuid), _("Reservation"));
}

static void
board_notify_cb (GestAgendaPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (widget);

  if (self->detail != NULL)
    {
      adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
      adw_leaflet_remove (ADW_LEAFLET (self->leaflet), self->detail);
      self->detail = NULL;
      gest_agenda_page_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
    }
  else if (is_board (self) && gest_board_page_get_can_go_back (self->board))
    gest_board_page_show_board (self->board);
}

static void
detail_close_cb (GestAgendaPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "board-page.back", NULL);
}

static gboolean
narrow_idle_cb (gpointer user_data)
{
  GestAgendaPage *self = user_data;

  self->narrow_idle = 0;
  gest_agenda_page_update_narrow (self);
  return G_SOURCE_REMOVE;
}

static void
gest_agenda_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;

  gtk_widget_allocate (self->leaflet, width, height, baseline, NULL);
  /* The tree changes after this allocation, never during it. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add (narrow_idle_cb, self);
    }
}

static void
gest_agenda_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (GEST_AGENDA_PAGE (widget)->leaflet, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static GtkWidget *
agenda_box (GestAgendaView *view,
            GtkLabel      **out_error)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *error = gtk_label_new (NULL);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  /* The one error style: the whole refusal, wrapped, under the view. */
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (error), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_selectable (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_margin_start (error, 12);
  gtk_widget_set_margin_end (error, 12);
  gtk_widget_set_margin_top (error, 6);
  gtk_widget_set_margin_bottom (error, 6);
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  *out_error = GTK_LABEL (error);
  return box;
}

/* The first time "sessions" or "leads" shows, its view goes into the bin that held its place. */
static void
build_shown_view_cb (GestAgendaPage *self)
{
  GtkWidget *bin = adw_view_stack_get_visible_child (self->stack);
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (!ADW_IS_BIN (bin) || adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;
  if (g_strcmp0 (name, "sessions") == 0)
    adw_bin_set_child (ADW_BIN (bin), gest_agenda_sessions_view_new (self->context));
  else if (g_strcmp0 (name, "leads") == 0)
    adw_bin_set_child (ADW_BIN (bin), gest_agenda_leads_view_new (self->context));
}

static void
gest_agenda_page_constructed (GObject *object)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (object);
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *wide = adw_view_switcher_new ();
  GtkWidget *narrow = adw_view_switcher_new ();
  AdwViewStackPage *page;
  GestBoardPageTexts texts = {
    .search_placeholder = _("Search customer or plate"),
    .all_columns = _("All States"),
    .empty_icon_name = "x-office-calendar-symbolic",
    .empty_title = _("No Reservations This Day"),
    .empty_description = _("Book one from the week or day view, or choose another day above."),
  };
  GtkWidget *day_box;
  GtkWidget *print;
  GDate date;

  G_OBJECT_CLASS (gest_agenda_page_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  gest_date_today (&date);
  self->day = gest_date_to_iso (&date);
  self->week = GEST_AGENDA_VIEW (gest_agenda_view_new (self->context, GEST_AGENDA_VIEW_WEEK));
  self->dayview = GEST_AGENDA_VIEW (gest_agenda_view_new (self->context, GEST_AGENDA_VIEW_DAY));
  self->board = GEST_BOARD_PAGE (gest_board_page_new ());
  gest_board_page_set_texts (self->board, &texts);
  gest_board_page_set_section_title (self->board, _("Service Appointments"));
  for (guint i = 0; i < 2; i++)
    {
      GestAgendaView *view = i == 0 ? self->week : self->dayview;

      g_signal_connect_object (view, "slot-activated", G_CALLBACK (slot_activated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "reservation-activated", G_CALLBACK (reservation_activated_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "notify::error", G_CALLBACK (view_error_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->dayview, "loaded", G_CALLBACK (day_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "item-activated", G_CALLBACK (board_item_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "notify::title", G_CALLBACK (board_notify_cb), self, G_CONNECT_SWAPPED);
  /* The reservation's page may have changed it (and its week). */
  g_signal_connect_object (self->board, "detail-closed", G_CALLBACK (gest_agenda_page_reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "notify::can-go-back", G_CALLBACK (board_notify_cb), self,
                           G_CONNECT_SWAPPED);

  gest_agenda_page_build_nav (self);
  page = adw_view_stack_add_titled (self->stack, agenda_box (self->week, &self->week_error), "week", _("Week"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
  day_box = agenda_box (self->dayview, &self->day_error);
  gtk_widget_set_margin_start (self->advisor_dropdown, 6);
  gtk_widget_set_margin_end (self->advisor_dropdown, 6);
  gtk_widget_set_margin_bottom (self->advisor_dropdown, 6);
  gtk_box_prepend (GTK_BOX (day_box), self->advisor_dropdown);
  page = adw_view_stack_add_titled (self->stack, day_box, "day", _("Day"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->board), "board", _("Today’s Board"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  /* The sessions and leads views are built when first shown: an empty bin holds their place. */
  page = adw_view_stack_add_titled (self->stack, adw_bin_new (), "sessions", _("Sessions"));
  adw_view_stack_page_set_icon_name (page, "video-display-symbolic");
  page = adw_view_stack_add_titled (self->stack, adw_bin_new (), "leads", _("Leads"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (build_shown_view_cb), self,
                           G_CONNECT_SWAPPED);
  /* Printing the next day's sheets. */
  print = gest_agenda_print_button_new (self->context, self->week_error);
  /* An icon, as the other navigation buttons, so the bar fits 360 px. */
  gtk_widget_set_tooltip_text (print, _("Print Next Day’s Sheets…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Print Next Day’s Sheets…"), -1);
  gtk_button_set_icon_name (GTK_BUTTON (print), "printer-symbolic");
  gtk_box_insert_child_after (GTK_BOX (self->nav_box), print, self->move_button);

  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (wide), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (narrow), ADW_VIEW_SWITCHER_POLICY_NARROW);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (wide), self->stack);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (narrow), self->stack);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), wide);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), narrow);
  gtk_widget_set_margin_top (squeezer, 6);
  gtk_widget_set_margin_bottom (squeezer, 6);
  gtk_widget_set_margin_start (squeezer, 6);
  gtk_widget_set_margin_end (squeezer, 6);
  self->switcher = squeezer;
  gtk_box_prepend (GTK_BOX (self->main_box), self->nav_box);
  gtk_box_prepend (GTK_BOX (self->main_box), squeezer);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (view_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gest_agenda_page_show_day (self, NULL);
  view_changed_cb (self);
}

static void
gest_agenda_page_dispose (GObject *object)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_weak_pointer (&self->dialog);
  self->week = self->dayview = NULL;
  self->board = NULL;
  self->detail = NULL;
  g_clear_pointer (&self->leaflet, gtk_widget_unparent);
  g_clear_object (&self->source);
  g_clear_pointer (&self->advisors, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (gest_agenda_page_parent_class)->dispose (object);
}

static void
gest_agenda_page_finalize (GObject *object)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (object);

  g_free (self->day);

  G_OBJECT_CLASS (gest_agenda_page_parent_class)->finalize (object);
}

static void
gest_agenda_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      if (self->detail != NULL)
        g_value_set_string (value, _("Reservation"));
      else if (self->board != NULL && is_board (self))
        g_value_set_string (value, gest_board_page_get_title (self->board));
      else
        g_value_set_string (value, _("Service Appointments"));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->detail != NULL
                           || (self->board != NULL && is_board (self) && gest_board_page_get_can_go_back (self->board)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_agenda_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GestAgendaPage *self = GEST_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_agenda_page_class_init (GestAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_agenda_page_constructed;
  object_class->dispose = gest_agenda_page_dispose;
  object_class->finalize = gest_agenda_page_finalize;
  object_class->get_property = gest_agenda_page_get_property;
  object_class->set_property = gest_agenda_page_set_property;
  widget_class->measure = gest_agenda_page_measure;
  widget_class->size_allocate = gest_agenda_page_size_allocate;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, GEST_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "board-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "agenda.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "agenda.new", NULL);
}

static void
gest_agenda_page_init (GestAgendaPage *self)
{
  self->leaflet = adw_leaflet_new ();
  adw_leaflet_set_can_unfold (ADW_LEAFLET (self->leaflet), FALSE);
  adw_leaflet_set_can_navigate_back (ADW_LEAFLET (self->leaflet), TRUE);
  gtk_widget_set_parent (self->leaflet, GTK_WIDGET (self));
  self->main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->main_box);
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  /* Only the visible view is measured: the others may be long (the board). */
  adw_view_stack_set_hhomogeneous (self->stack, FALSE);
  adw_view_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->main_box), GTK_WIDGET (self->stack));
}

GtkWidget *
gest_agenda_page_new (GestContext *context)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (context), NULL);

  return g_object_new (GEST_TYPE_AGENDA_PAGE, "context", context, NULL);
}

const char *
gest_agenda_page_get_view (GestAgendaPage *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
gest_agenda_page_set_view (GestAgendaPage *self,
                           const char     *view)
{
  g_return_if_fail (GEST_IS_AGENDA_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, view);
}

const char *
gest_agenda_page_get_day (GestAgendaPage *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  return self->day;
}

void
gest_agenda_page_set_day (GestAgendaPage *self,
                          const char     *day)
{
  g_return_if_fail (GEST_IS_AGENDA_PAGE (self));
  g_return_if_fail (day != NULL);

  gest_agenda_page_show_day (self, day);
}

GestAgendaView *
gest_agenda_page_get_agenda (GestAgendaPage     *self,
                             GestAgendaViewMode  mode)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  return mode == GEST_AGENDA_VIEW_WEEK ? self->week : self->dayview;
}

GestBoardPage *
gest_agenda_page_get_board_page (GestAgendaPage *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  return self->board;
}

const char *
gest_agenda_page_get_error (GestAgendaPage *self)
{
  const char *view;
  GtkLabel *label;

  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  view = adw_view_stack_get_visible_child_name (self->stack);
  label = g_strcmp0 (view, "week") == 0 ? self->week_error : g_strcmp0 (view, "day") == 0 ? self->day_error : NULL;
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_text (label);
}

GtkWidget *
gest_agenda_page_get_dialog (GestAgendaPage *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  return self->dialog;
}

void
gest_agenda_page_show_reservation (GestAgendaPage *self,
                                   const char     *uuid)
{
  g_return_if_fail (GEST_IS_AGENDA_PAGE (self));
  g_return_if_fail (uuid != NULL);

  if (self->detail != NULL)
    adw_leaflet_remove (ADW_LEAFLET (self->leaflet), self->detail);
  self->detail = gest_reservation_detail_new (self->context, uuid);
  if (g_signal_lookup ("close", G_OBJECT_TYPE (self->detail)) != 0)
    g_signal_connect_object (self->detail, "close", G_CALLBACK (detail_close_cb), self, G_CONNECT_SWAPPED);
  adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->detail);
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->detail);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
}

GtkWidget *
gest_agenda_page_get_detail (GestAgendaPage *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), NULL);

  return self->detail;
}

gboolean
gest_agenda_page_get_narrow (GestAgendaPage *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_PAGE (self), FALSE);

  return self->narrow;
}

void
gest_agenda_page_reload (GestAgendaPage *self)
{
  g_return_if_fail (GEST_IS_AGENDA_PAGE (self));

  gest_agenda_view_reload (self->week);
  gest_agenda_view_reload (self->dayview);
  if (self->source != NULL)
    gest_sql_board_source_reload (self->source);
}
