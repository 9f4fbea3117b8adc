/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-card.h"

/* A card is one widget that draws its lines itself. GTK 4.8 keeps about 200 rows per list
 * view whether they show or not, so a board holds 1,600 cards: as a box of labels and images
 * (eleven widgets a card) they took over a second to build and style; drawn, about a tenth.
 * It draws its background too, in the colours of Adwaita's .card but with a sharp one-pixel
 * shadow: the cairo renderer blurs .card's three soft shadows in software, which cost more
 * than all of a first frame's text. */

#define PAD_X      10
#define PAD_Y      8
#define SPACING    3
#define ICON_SIZE  16
#define CAPTION    0.82
#define RADIUS     12
#define MARGIN_X   6
#define MARGIN_Y   3

typedef enum
{
  LINE_TITLE,
  LINE_SUBTITLE,
  LINE_AMOUNT,
  LINE_DATE,
  LINE_DAYS,
  N_LINES
} Line;

struct _GestBoardCard
{
  GtkWidget      parent_instance;

  GestBoardItem *item;
  char          *date;               /* the item's, after its label: "Pay by 15/03/2026" */
  char          *days;
  PangoLayout   *layouts[N_LINES];   /* made when first drawn, dropped when the item changes */
  int            line_height;        /* of the body font, px; 0 until measured */
  int            caption_height;
};

G_DEFINE_FINAL_TYPE (GestBoardCard, gest_board_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_layouts (GestBoardCard *self)
{
  for (guint i = 0; i < N_LINES; i++)
    g_clear_object (&self->layouts[i]);
}

static const char *
line_text (GestBoardCard *self,
           Line           line)
{
  const char *text = NULL;

  if (self->item == NULL)
    return "";
  switch (line)
    {
    case LINE_TITLE:
      text = gest_board_item_get_title (self->item);
      break;
    case LINE_SUBTITLE:
      text = gest_board_item_get_subtitle (self->item);
      break;
    case LINE_AMOUNT:
      text = gest_board_item_get_amount (self->item);
      break;
    case LINE_DATE:
      text = self->date;
      break;
    case LINE_DAYS:
      text = self->days;
      break;
    case N_LINES:
    default:
      g_assert_not_reached ();
    }
  return text != NULL ? text : "";
}

static PangoLayout *
get_layout (GestBoardCard *self,
            Line           line,
            int            width)
{
  PangoLayout *layout = self->layouts[line];

  if (layout == NULL)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), line_text (self, line));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      if (line == LINE_TITLE)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      if (line == LINE_DAYS || line == LINE_DATE)
        pango_attr_list_insert (attrs, pango_attr_scale_new (CAPTION));
      if (line == LINE_AMOUNT || line == LINE_DATE)
        pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      self->layouts[line] = layout;
    }
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  return layout;
}

/* The height of a line in @widget's font. pango_context_get_metrics() shapes sample text
 * each time, so the last font's answer is kept: every card has the same font. */
static int
line_height_of (GtkWidget *widget)
{
  static PangoFontDescription *last_font;
  static PangoFontMap *last_map;
  static double last_resolution;
  static int last_height;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  PangoFontMetrics *metrics;
  int height;

  if (last_font != NULL && last_map == pango_context_get_font_map (context) &&
      last_resolution == resolution && pango_font_description_equal (last_font, font))
    return last_height;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  height = pango_font_metrics_get_height (metrics);
  if (height <= 0)
    height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);

  g_clear_pointer (&last_font, pango_font_description_free);
  last_font = pango_font_description_copy (font);
  last_map = pango_context_get_font_map (context);
  last_resolution = resolution;
  last_height = MAX (PANGO_PIXELS_CEIL (height), ICON_SIZE);
  return last_height;
}

static int
height_for_line (int line_height)
{
  int caption_height = (int) (line_height * CAPTION + 0.999);

  /* Title, subtitle and amount, then two caption lines: the labelled date and the days. */
  return 2 * PAD_Y + 3 * line_height + 2 * caption_height + 4 * SPACING;
}

static void
ensure_metrics (GestBoardCard *self)
{
  if (self->line_height > 0)
    return;
  self->line_height = line_height_of (GTK_WIDGET (self));
  self->caption_height = (int) (self->line_height * CAPTION + 0.999);
}

static int
card_height (GestBoardCard *self)
{
  ensure_metrics (self);
  return height_for_line (self->line_height);
}

static gboolean
has_flag (GestBoardCard      *self,
          GestBoardItemFlags  flag)
{
  return self->item != NULL && (gest_board_item_get_flags (self->item) & flag) != 0;
}

/* The flag icons, right-aligned on the title line: @index 0 is the rightmost. */
static void
icon_rect (GestBoardCard   *self,
           guint            index,
           graphene_rect_t *out)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  graphene_rect_init (out, width - PAD_X - (index + 1) * ICON_SIZE - index * 4,
                      PAD_Y + (self->line_height - ICON_SIZE) / 2, ICON_SIZE, ICON_SIZE);
}

static void
snapshot_icon (GestBoardCard         *self,
               GtkSnapshot           *snapshot,
               const char            *icon_name,
               const char            *color_name,
               const graphene_rect_t *rect)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA colors[4];

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  gtk_style_context_get_color (style, &colors[0]);
  if (!gtk_style_context_lookup_color (style, color_name, &colors[0]))
    gtk_style_context_get_color (style, &colors[0]);
  colors[1] = colors[2] = colors[3] = colors[0];

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect->origin);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            rect->size.width, rect->size.height, colors, 4);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_line (GestBoardCard *self,
               GtkSnapshot   *snapshot,
               Line           line,
               int            x,
               int            y,
               int            width,
               const GdkRGBA *color)
{
  PangoLayout *layout;

  if (*line_text (self, line) == '\0' || width <= 0)
    return;
  layout = get_layout (self, line, width);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Adwaita's .card with a sharp shadow, in two border nodes, which the cairo renderer fills
 * as one antialiased path each: the card's colour (a border as wide as the card), then the
 * shade around it, one pixel wide and two at the bottom, where the second is the shadow (the
 * border of the outline made a pixel taller). Drawn before as an outset shadow, a colour
 * under a rounded clip and a border, the cairo renderer made and blended masks the size of
 * each card: the backgrounds took 17% of the instructions of a board's first frame
 * (callgrind, bench-board); these two take 10%. */
static void
snapshot_background (GestBoardCard *self,
                     GtkSnapshot   *snapshot)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  float half = MAX (width, height) / 2.0f;
  GdkRGBA background = { 1, 1, 1, 1 };
  GdkRGBA shade = { 0, 0, 0, 0.07f };
  GskRoundedRect outline, shadow;

  gtk_style_context_lookup_color (style, "card_bg_color", &background);
  gtk_style_context_lookup_color (style, "card_shade_color", &shade);
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), RADIUS);
  gsk_rounded_rect_init_from_rect (&shadow, &GRAPHENE_RECT_INIT (0, 0, width, height + 1), RADIUS);

  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { half, half, half, half },
                              (GdkRGBA[4]) { background, background, background, background });
  gtk_snapshot_append_border (snapshot, &shadow, (float[4]) { 1, 1, 2, 1 },
                              (GdkRGBA[4]) { shade, shade, shade, shade });
}

static void
gest_board_card_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GestBoardCard *self = GEST_BOARD_CARD (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget) - 2 * PAD_X;
  int title_width = width;
  int y = PAD_Y;
  guint n_icons = 0;
  GdkRGBA color, dim;
  graphene_rect_t rect;

  if (self->item == NULL)
    return;
  ensure_metrics (self);
  snapshot_background (self, snapshot);
  if (!gtk_style_context_lookup_color (style, "card_fg_color", &color))
    gtk_style_context_get_color (style, &color);
  dim = color;
  dim.alpha *= 0.55f;

  if (has_flag (self, GEST_BOARD_ITEM_FLAG_MISSING_DOCS))
    {
      icon_rect (self, n_icons++, &rect);
      snapshot_icon (self, snapshot, "dialog-warning-symbolic", "warning_color", &rect);
    }
  if (has_flag (self, GEST_BOARD_ITEM_FLAG_OVERDUE))
    {
      icon_rect (self, n_icons++, &rect);
      snapshot_icon (self, snapshot, "alarm-symbolic", "error_color", &rect);
    }
  title_width -= n_icons * (ICON_SIZE + 4);
  snapshot_line (self, snapshot, LINE_TITLE, PAD_X, y, title_width, &color);
  y += self->line_height + SPACING;
  snapshot_line (self, snapshot, LINE_SUBTITLE, PAD_X, y, width, &color);
  y += self->line_height + SPACING;

  /* The amount has its line, the date its own under it: "Pay by 15/03/2026" beside the amount
   * was cut to "Pay by 1…" in a 240 px card. */
  snapshot_line (self, snapshot, LINE_AMOUNT, PAD_X, y, width, &color);
  y += self->line_height + SPACING;
  snapshot_line (self, snapshot, LINE_DATE, PAD_X, y, width, &dim);
  y += self->caption_height + SPACING;
  snapshot_line (self, snapshot, LINE_DAYS, PAD_X, y, width, &dim);
}

static void
gest_board_card_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GestBoardCard *self = GEST_BOARD_CARD (widget);

  /* Every card has the same height, so measuring one costs no text layout. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 240;
    }
  else
    *minimum = *natural = card_height (self);
}

static void
gest_board_card_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  /* The only children are the context menus the column attaches. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
gest_board_card_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GestBoardCard *self = GEST_BOARD_CARD (widget);

  GTK_WIDGET_CLASS (gest_board_card_parent_class)->css_changed (widget, change);

  /* The font may have changed. */
  self->line_height = 0;
  clear_layouts (self);
  gtk_widget_queue_resize (widget);
}

static gboolean
gest_board_card_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  GestBoardCard *self = GEST_BOARD_CARD (widget);
  const char *texts[2];
  guint n_icons = 0;

  /* A module may say what its flags mean (gest_board_item_set_flag_texts()). */
  if (has_flag (self, GEST_BOARD_ITEM_FLAG_MISSING_DOCS))
    texts[n_icons++] = gest_board_item_get_flag_text (self->item, GEST_BOARD_ITEM_FLAG_MISSING_DOCS) != NULL
                       ? gest_board_item_get_flag_text (self->item, GEST_BOARD_ITEM_FLAG_MISSING_DOCS)
                       : _("Missing documents: the documents or the payment proof the next step needs are not on file");
  if (has_flag (self, GEST_BOARD_ITEM_FLAG_OVERDUE))
    texts[n_icons++] = gest_board_item_get_flag_text (self->item, GEST_BOARD_ITEM_FLAG_OVERDUE) != NULL
                       ? gest_board_item_get_flag_text (self->item, GEST_BOARD_ITEM_FLAG_OVERDUE)
                       : _("Overdue: the agreed payment date passed and no payment is recorded");

  for (guint i = 0; i < n_icons; i++)
    {
      graphene_rect_t rect;

      icon_rect (self, i, &rect);
      if (keyboard_mode || graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (keyboard_mode && n_icons == 2)
            {
              g_autofree char *both = g_strconcat (texts[0], "\n", texts[1], NULL);

              gtk_tooltip_set_text (tooltip, both);
            }
          else
            gtk_tooltip_set_text (tooltip, texts[i]);
          return TRUE;
        }
    }
  return FALSE;
}

static void
update (GestBoardCard *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_clear_pointer (&self->days, g_free);
  g_clear_pointer (&self->date, g_free);
  clear_layouts (self);
  if (self->item != NULL)
    {
      int n = gest_board_item_get_days_in_column (self->item);
      const char *date = gest_board_item_get_date (self->item);
      const char *date_label = gest_board_item_get_date_label (self->item);

      /* A finished card stays where it is for good: no days to count. */
      if (has_flag (self, GEST_BOARD_ITEM_FLAG_DONE))
        self->days = NULL;
      else if (n <= 0)
        self->days = g_strdup (_("Arrived today"));
      else
        self->days = g_strdup_printf (ngettext ("%d day in this stage", "%d days in this stage", n), n);
      /* The label says what the date is, before it: "Pay by 15/03/2026". */
      if (date != NULL && date_label != NULL)
        self->date = g_strconcat (date_label, " ", date, NULL);
      else
        self->date = g_strdup (date);

      for (Line line = LINE_TITLE; line < N_LINES; line++)
        if (*line_text (self, line) != '\0')
          g_string_append_printf (description, "%s%s", description->len > 0 ? ", " : "", line_text (self, line));
      if (has_flag (self, GEST_BOARD_ITEM_FLAG_OVERDUE))
        g_string_append_printf (description, ", %s", _("overdue"));
      if (has_flag (self, GEST_BOARD_ITEM_FLAG_MISSING_DOCS))
        g_string_append_printf (description, ", %s", _("missing documents"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description->str,
                                  -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self),
                              has_flag (self, GEST_BOARD_ITEM_FLAG_OVERDUE | GEST_BOARD_ITEM_FLAG_MISSING_DOCS));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
gest_board_card_dispose (GObject *object)
{
  GestBoardCard *self = GEST_BOARD_CARD (object);
  GtkWidget *child;

  /* A context menu the column attached to the card. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  clear_layouts (self);
  g_clear_object (&self->item);
  g_clear_pointer (&self->days, g_free);
  g_clear_pointer (&self->date, g_free);

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
  widget_class->snapshot = gest_board_card_snapshot;
  widget_class->measure = gest_board_card_measure;
  widget_class->size_allocate = gest_board_card_size_allocate;
  widget_class->css_changed = gest_board_card_css_changed;
  widget_class->query_tooltip = gest_board_card_query_tooltip;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, GEST_TYPE_BOARD_ITEM,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gest_board_card_init (GestBoardCard *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_margin_start (widget, MARGIN_X);
  gtk_widget_set_margin_end (widget, MARGIN_X);
  gtk_widget_set_margin_top (widget, MARGIN_Y);
  gtk_widget_set_margin_bottom (widget, MARGIN_Y);
}

GtkWidget *
gest_board_card_new (void)
{
  return g_object_new (GEST_TYPE_BOARD_CARD, NULL);
}

int
gest_board_card_get_min_height (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), 1);

  return height_for_line (line_height_of (widget)) + 2 * MARGIN_Y;
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

const char *
gest_board_card_get_days_text (GestBoardCard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_CARD (self), NULL);

  return self->days;
}

const char *
gest_board_card_get_date_text (GestBoardCard *self)
{
  g_return_val_if_fail (GEST_IS_BOARD_CARD (self), NULL);

  return self->date;
}
