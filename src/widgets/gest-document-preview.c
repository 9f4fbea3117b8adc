/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-preview"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gest-document-preview.h"

/* Margin around the page in the scrolled window (see the template). */
#define PAGE_MARGIN 12
/* Re-fit after the width settles, not on every frame of a window resize. */
#define REFIT_DELAY_MS 150

static const double zoom_levels[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0 };

struct _GestDocumentPreview
{
  GtkWidget         parent_instance;

  /* Template children. */
  GtkWidget        *box;
  GtkLabel         *page_label;
  GtkLabel         *zoom_label;
  GtkWidget        *first_page_note;
  GtkStack         *stack;
  GtkSpinner       *loading_spinner;
  GtkScrolledWindow *scrolled;
  GtkPicture       *picture;
  GtkSpinner       *page_spinner;
  AdwStatusPage    *status_page;

  GestRenderQueue  *queue;
  char             *path;
  char             *cache_key;
  /* Cancels the render in flight; replaced by every new request, cancelled on dispose. */
  GCancellable     *cancellable;
  GestRenderedPage *current;
  char             *error_message;

  guint             page;
  guint             n_pages;
  double            zoom;
  gboolean          fit_width;
  gboolean          loading;
  /* Width the page was last fit to, so that a resize re-fits only when it changes. */
  int               fitted_width;
  guint             refit_source;
};

G_DEFINE_FINAL_TYPE (GestDocumentPreview, gest_document_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUEUE,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_LOADING,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void request_render (GestDocumentPreview *self);

/* The scrolled window may not be allocated (the stack shows the spinner), this widget is. */
static int
viewport_width (GestDocumentPreview *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAGE_MARGIN;
}

static void
set_loading (GestDocumentPreview *self,
             gboolean             loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_spinner_set_spinning (self->page_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->page_spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_controls (GestDocumentPreview *self)
{
  gboolean shown = self->current != NULL && self->error_message == NULL;

  if (self->n_pages > 0)
    {
      /* Translators: page navigation, "Page 1 of 3". */
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

      gtk_label_set_text (self->page_label, text);
    }
  else
    {
      gtk_label_set_text (self->page_label, "");
    }

  if (shown)
    {
      /* Translators: zoom level, "125%". Use the percent sign of your language. */
      g_autofree char *text = g_strdup_printf (_("%d%%"), (int) round (self->zoom * 100.0));

      gtk_label_set_text (self->zoom_label, text);
    }
  else
    {
      gtk_label_set_text (self->zoom_label, "");
    }

  gtk_widget_set_visible (self->first_page_note,
                          shown && gest_rendered_page_get_first_page_only (self->current));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", shown && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page",
                                 shown && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 shown && self->zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.005);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 shown && self->zoom > zoom_levels[0] + 0.005);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit-width", shown && !self->fit_width);
}

static void
show_error (GestDocumentPreview *self,
            const char          *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_clear_pointer (&self->current, gest_rendered_page_unref);
  gtk_picture_set_paintable (self->picture, NULL);
  self->n_pages = 0;
  adw_status_page_set_description (self->status_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
show_page (GestDocumentPreview *self,
           GestRenderedPage    *page)
{
  g_autoptr(GdkTexture) texture = NULL;
  guint n_pages = gest_rendered_page_get_n_pages (page);

  g_clear_pointer (&self->current, gest_rendered_page_unref);
  self->current = gest_rendered_page_ref (page);
  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT: the worker's bytes go to the GPU as they are. */
  texture = gdk_memory_texture_new (gest_rendered_page_get_width (page),
                                    gest_rendered_page_get_height (page),
                                    GDK_MEMORY_DEFAULT,
                                    gest_rendered_page_get_bytes (page),
                                    gest_rendered_page_get_stride (page));
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "page");

  if (self->fit_width)
    {
      self->zoom = gest_rendered_page_get_scale (page) / GEST_RENDER_SCALE_96_DPI;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  if (self->n_pages != n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestRenderedPage) page = NULL;
  GestDocumentPreview *self;

  page = gest_render_queue_render_finish (result, &error);
  /* Every request but the newest is cancelled, and dispose cancels the newest: only a
   * request that is not cancelled may touch the widget, which is then alive. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GEST_DOCUMENT_PREVIEW (user_data);
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (page == NULL)
    show_error (self, error->message);
  else
    show_page (self, page);
  update_controls (self);
}

static void
request_render (GestDocumentPreview *self)
{
  int width = 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->path == NULL)
    {
      set_loading (self, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_controls (self);
      return;
    }

  if (self->fit_width)
    {
      width = viewport_width (self);
      /* Not allocated yet: the first allocation fits (see size_allocate). */
      if (width <= 0)
        {
          self->fitted_width = 0;
          set_loading (self, TRUE);
          gtk_stack_set_visible_child_name (self->stack, "loading");
          return;
        }
      self->fitted_width = width;
    }

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  if (self->current == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  if (self->fit_width)
    gest_render_queue_render_width_async (self->queue, self->path, self->cache_key, self->page,
                                          width, self->cancellable, render_done_cb, self);
  else
    gest_render_queue_render_async (self->queue, self->path, self->cache_key, self->page,
                                    self->zoom * GEST_RENDER_SCALE_96_DPI,
                                    self->cancellable, render_done_cb, self);
}

static gboolean
refit_cb (gpointer user_data)
{
  GestDocumentPreview *self = user_data;

  self->refit_source = 0;
  if (self->fit_width && self->path != NULL && self->error_message == NULL &&
      viewport_width (self) > 0 && viewport_width (self) != self->fitted_width)
    request_render (self);
  return G_SOURCE_REMOVE;
}

/* The shortcuts work while the focus is inside the viewer: a click on the page puts it there. */
static void
page_pressed_cb (GestDocumentPreview *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (widget);

  if (self->page > 0)
    gest_document_preview_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (widget);

  gest_document_preview_set_page (self, self->page + 1);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    {
      if (zoom_levels[i] > self->zoom + 0.005)
        {
          gest_document_preview_set_zoom (self, zoom_levels[i]);
          return;
        }
    }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (widget);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    {
      if (zoom_levels[i - 1] < self->zoom - 0.005)
        {
          gest_document_preview_set_zoom (self, zoom_levels[i - 1]);
          return;
        }
    }
}

static void
zoom_fit_width_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gest_document_preview_set_fit_width (GEST_DOCUMENT_PREVIEW (widget), TRUE);
}

static void
gest_document_preview_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Fit to width follows the allocation: at once for the first one, after a pause while the
 * window is being resized. Never from inside the allocation itself. */
static void
gest_document_preview_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  if (self->fit_width && self->path != NULL && self->error_message == NULL &&
      width - 2 * PAGE_MARGIN != self->fitted_width && self->refit_source == 0)
    self->refit_source = g_timeout_add (self->fitted_width == 0 ? 0 : REFIT_DELAY_MS, refit_cb, self);
}

static void
gest_document_preview_constructed (GObject *object)
{
  GestDocumentPreview *self = (GestDocumentPreview *) object;

  G_OBJECT_CLASS (gest_document_preview_parent_class)->constructed (object);

  if (self->queue == NULL)
    self->queue = g_object_ref (gest_render_queue_get_default ());
}

static void
gest_document_preview_dispose (GObject *object)
{
  GestDocumentPreview *self = (GestDocumentPreview *) object;

  /* The page is closing: the queue skips what is still waiting. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refit_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), GEST_TYPE_DOCUMENT_PREVIEW);

  g_clear_pointer (&self->current, gest_rendered_page_unref);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (gest_document_preview_parent_class)->dispose (object);
}

static void
gest_document_preview_finalize (GObject *object)
{
  GestDocumentPreview *self = (GestDocumentPreview *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->cache_key, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (gest_document_preview_parent_class)->finalize (object);
}

static void
gest_document_preview_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_preview_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GestDocumentPreview *self = GEST_DOCUMENT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      self->queue = g_value_dup_object (value);
      break;
    case PROP_PAGE:
      gest_document_preview_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      gest_document_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      gest_document_preview_set_fit_width (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_preview_class_init (GestDocumentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_document_preview_constructed;
  object_class->dispose = gest_document_preview_dispose;
  object_class->finalize = gest_document_preview_finalize;
  object_class->get_property = gest_document_preview_get_property;
  object_class->set_property = gest_document_preview_set_property;

  widget_class->measure = gest_document_preview_measure;
  widget_class->size_allocate = gest_document_preview_size_allocate;

  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL, GEST_TYPE_RENDER_QUEUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, 100.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gestiona/Gestiona/widgets/gest-document-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, box);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, first_page_note);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, picture);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, page_spinner);
  gtk_widget_class_bind_template_child (widget_class, GestDocumentPreview, status_page);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit-width", NULL, zoom_fit_width_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "preview.previous-page", NULL);
}

static void
gest_document_preview_init (GestDocumentPreview *self)
{
  GtkGesture *click;

  self->zoom = 1.0;
  self->fit_width = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->page_spinner), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (page_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), GTK_EVENT_CONTROLLER (click));
  update_controls (self);
}

GtkWidget *
gest_document_preview_new (GestRenderQueue *queue)
{
  g_return_val_if_fail (queue == NULL || GEST_IS_RENDER_QUEUE (queue), NULL);

  return g_object_new (GEST_TYPE_DOCUMENT_PREVIEW, "queue", queue, NULL);
}

void
gest_document_preview_set_file (GestDocumentPreview *self,
                                const char          *path,
                                const char          *cache_key)
{
  g_return_if_fail (GEST_IS_DOCUMENT_PREVIEW (self));

  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->cache_key);
  self->cache_key = g_strdup (cache_key);

  g_clear_pointer (&self->current, gest_rendered_page_unref);
  g_clear_pointer (&self->error_message, g_free);
  gtk_picture_set_paintable (self->picture, NULL);
  self->page = 0;
  self->n_pages = 0;
  self->fit_width = TRUE;
  self->fitted_width = 0;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  request_render (self);
  update_controls (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
gest_document_preview_get_path (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), NULL);

  return self->path;
}

guint
gest_document_preview_get_page (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), 0);

  return self->page;
}

void
gest_document_preview_set_page (GestDocumentPreview *self,
                                guint                page)
{
  g_return_if_fail (GEST_IS_DOCUMENT_PREVIEW (self));

  if (self->n_pages > 0)
    page = MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;

  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  request_render (self);
  update_controls (self);
}

guint
gest_document_preview_get_n_pages (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), 0);

  return self->n_pages;
}

double
gest_document_preview_get_zoom (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), 1.0);

  return self->zoom;
}

void
gest_document_preview_set_zoom (GestDocumentPreview *self,
                                double               zoom)
{
  g_return_if_fail (GEST_IS_DOCUMENT_PREVIEW (self));

  zoom = CLAMP (zoom, zoom_levels[0], zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  if (!self->fit_width && fabs (zoom - self->zoom) < 0.001)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  if (self->fit_width)
    {
      self->fit_width = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
    }
  request_render (self);
  update_controls (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
gest_document_preview_get_fit_width (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), FALSE);

  return self->fit_width;
}

void
gest_document_preview_set_fit_width (GestDocumentPreview *self,
                                     gboolean             fit_width)
{
  g_return_if_fail (GEST_IS_DOCUMENT_PREVIEW (self));

  fit_width = !!fit_width;
  if (fit_width == self->fit_width)
    return;

  self->fit_width = fit_width;
  self->fitted_width = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
  request_render (self);
  update_controls (self);
}

gboolean
gest_document_preview_get_loading (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), FALSE);

  return self->loading;
}

const char *
gest_document_preview_get_error_message (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), NULL);

  return self->error_message;
}

GdkPaintable *
gest_document_preview_get_paintable (GestDocumentPreview *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_PREVIEW (self), NULL);

  return gtk_picture_get_paintable (self->picture);
}
