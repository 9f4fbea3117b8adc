/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-card.h"

struct _GestBoardCard
{
  GtkWidget      parent_instance;

  GestBoardItem *item;

  /* Children, owned through the widget tree. */
  GtkWidget     *title;
  GtkWidget     *overdue_icon;
  GtkWidget     *missing_docs_icon;
  GtkWidget     *subtitle;
  GtkWidget     *amount;
  GtkWidget     *date;
  GtkWidget     *days;
};

G_DEFINE_FINAL_TYPE (GestBoardCard, gest_board_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_label (const char *style_class,
           gboolean    hexpand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, hexpand);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static GtkWidget *
new_flag_icon (const char *icon_name,
               const char *style_class,
               const char *tooltip)
{
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (image, style_class);
  gtk_widget_set_tooltip_text (image, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_visible (image, FALSE);
  return image;
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

static void
update (GestBoardCard *self)
{
  g_autofree char *days = NULL;
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;

  if (self->item != NULL)
    {
      int n = gest_board_item_get_days_in_column (self->item);

      flags = gest_board_item_get_flags (self->item);
      if (n <= 0)
        days = g_strdup (_("Arrived today"));
      else
        days = g_strdup_printf (ngettext ("%d day in this stage", "%d days in this stage", n), n);
    }

  set_text (self->title, self->item ? gest_board_item_get_title (self->item) : NULL);
  set_text (self->subtitle, self->item ? gest_board_item_get_subtitle (self->item) : NULL);
  set_text (self->amount, self->item ? gest_board_item_get_amount (self->item) : NULL);
  set_text (self->date, self->item ? gest_board_item_get_date (self->item) : NULL);
  set_text (self->days, days);
  gtk_widget_set_visible (self->overdue_icon, (flags & GEST_BOARD_ITEM_FLAG_OVERDUE) != 0);
  gtk_widget_set_visible (self->missing_docs_icon, (flags & GEST_BOARD_ITEM_FLAG_MISSING_DOCS) != 0);
}

static void
gest_board_card_dispose (GObject *object)
{
  GestBoardCard *self = GEST_BOARD_CARD (object);
  GtkWidget *child;

  /* Also unparents a context menu the column attached to the card. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (gest_board_card_parent_class)->dispose (object);
}

static void
gest_board_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GestBoardCard *self = GEST_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GestBoardCard *self = GEST_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      gest_board_card_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_board_card_class_init (GestBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_board_card_dispose;
  object_class->get_property = gest_board_card_get_property;
  object_class->set_property = gest_board_card_set_property;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, GEST_TYPE_BOARD_ITEM,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gest_board_card_init (GestBoardCard *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *top, *bottom;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 3);
  gtk_widget_add_css_class (widget, "card");
  gtk_widget_set_margin_start (widget, 6);
  gtk_widget_set_margin_end (widget, 6);
  gtk_widget_set_margin_top (widget, 3);
  gtk_widget_set_margin_bottom (widget, 3);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_margin_start (top, 10);
  gtk_widget_set_margin_end (top, 10);
  gtk_widget_set_margin_top (top, 8);
  self->title = new_label ("heading", TRUE);
  self->overdue_icon = new_flag_icon ("alarm-symbolic", "error",
                                      _("Overdue: the agreed payment date passed and no payment is recorded"));
  self->missing_docs_icon = new_flag_icon ("dialog-warning-symbolic", "warning",
                                           _("Missing documents: the documents or the payment proof the next step needs are not on file"));
  gtk_box_append (GTK_BOX (top), self->title);
  gtk_box_append (GTK_BOX (top), self->overdue_icon);
  gtk_box_append (GTK_BOX (top), self->missing_docs_icon);
  gtk_widget_set_parent (top, widget);

  self->subtitle = new_label (NULL, TRUE);
  gtk_widget_set_margin_start (self->subtitle, 10);
  gtk_widget_set_margin_end (self->subtitle, 10);
  gtk_widget_set_parent (self->subtitle, widget);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bottom, 10);
  gtk_widget_set_margin_end (bottom, 10);
  self->amount = new_label ("numeric", TRUE);
  self->date = new_label ("numeric", FALSE);
  gtk_widget_add_css_class (self->date, "dim-label");
  gtk_box_append (GTK_BOX (bottom), self->amount);
  gtk_box_append (GTK_BOX (bottom), self->date);
  gtk_widget_set_parent (bottom, widget);

  self->days = new_label ("caption", TRUE);
  gtk_widget_add_css_class (self->days, "dim-label");
  gtk_widget_set_margin_start (self->days, 10);
  gtk_widget_set_margin_end (self->days, 10);
  gtk_widget_set_margin_bottom (self->days, 8);
  gtk_widget_set_parent (self->days, widget);

  update (self);
}

GtkWidget *
gest_board_card_new (void)
{
  return g_object_new (GEST_TYPE_BOARD_CARD, NULL);
}

GestBoardItem *
gest_board_card_get_item (GestBoardCard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_CARD (self), NULL);

  return self->item;
}

void
gest_board_card_set_item (GestBoardCard *self,
                          GestBoardItem *item)
{
  g_return_if_fail (GEST_IS_BOARD_CARD (self));
  g_return_if_fail (item == NULL || GEST_IS_BOARD_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
