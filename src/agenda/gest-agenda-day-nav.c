/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-agenda-day-nav"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-agenda-day-nav.h"
#include "gest-agenda-text.h"

struct _GestAgendaDayNav
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  char      *day;
};

G_DEFINE_FINAL_TYPE (GestAgendaDayNav, gest_agenda_day_nav, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
day_clicked_cb (GtkButton        *button,
                GestAgendaDayNav *self)
{
  int offset = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gest-offset"));
  g_autofree char *day = offset == 0 ? gest_agenda_today_iso (0) : gest_agenda_day_add (self->day, offset);

  gest_agenda_day_nav_set_day (self, day);
}

static void
gest_agenda_day_nav_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gest_agenda_day_nav_parent_class)->dispose (object);
}

static void
gest_agenda_day_nav_finalize (GObject *object)
{
  g_free (GEST_AGENDA_DAY_NAV (object)->day);

  G_OBJECT_CLASS (gest_agenda_day_nav_parent_class)->finalize (object);
}

static void
gest_agenda_day_nav_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GestAgendaDayNav *self = GEST_AGENDA_DAY_NAV (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_agenda_day_nav_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GestAgendaDayNav *self = GEST_AGENDA_DAY_NAV (object);

  switch (prop_id)
    {
    case PROP_DAY:
      gest_agenda_day_nav_set_day (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_agenda_day_nav_class_init (GestAgendaDayNavClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gest_agenda_day_nav_dispose;
  object_class->finalize = gest_agenda_day_nav_finalize;
  object_class->get_property = gest_agenda_day_nav_get_property;
  object_class->set_property = gest_agenda_day_nav_set_property;

  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                              G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
gest_agenda_day_nav_init (GestAgendaDayNav *self)
{
  const struct { const char *icon; const char *label; int offset; } days[] = {
    { "go-previous-symbolic", N_("Previous Day"), -1 },
    { NULL, N_("_Today"), 0 },
    { "go-next-symbolic", N_("Next Day"), 1 },
  };

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "title-4");
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GtkWidget *button = days[i].icon != NULL ? gtk_button_new_from_icon_name (days[i].icon)
                                               : gtk_button_new_with_mnemonic (_(days[i].label));

      if (days[i].icon != NULL)
        {
          gtk_widget_set_tooltip_text (button, _(days[i].label));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(days[i].label), -1);
        }
      g_object_set_data (G_OBJECT (button), "gest-offset", GINT_TO_POINTER (days[i].offset));
      g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
    }
  self->day = gest_agenda_today_iso (0);
  {
    g_autofree char *text = gest_agenda_day_text (self->day);

    gtk_label_set_text (GTK_LABEL (self->label), text);
  }
}

GtkWidget *
gest_agenda_day_nav_new (void)
{
  return g_object_new (GEST_TYPE_AGENDA_DAY_NAV, NULL);
}

void
gest_agenda_day_nav_set_day (GestAgendaDayNav *self,
                             const char       *day)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GEST_IS_AGENDA_DAY_NAV (self));
  g_return_if_fail (day != NULL);

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  text = gest_agenda_day_text (day);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
}

const char *
gest_agenda_day_nav_get_day (GestAgendaDayNav *self)
{
  g_return_val_if_fail (GEST_IS_AGENDA_DAY_NAV (self), NULL);

  return self->day;
}
