/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-document-thumbnail"

#include "config.h"

#include "gest-document-thumbnail.h"

struct _GestDocumentThumbnail
{
  GtkWidget        parent_instance;

  GtkWidget       *picture;
  GtkWidget       *icon;

  GestRenderQueue *queue;
  GCancellable    *cancellable;
  char            *path;
  int              width;
  gboolean         ready;
};

G_DEFINE_FINAL_TYPE (GestDocumentThumbnail, gest_document_thumbnail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUEUE,
  PROP_WIDTH,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
icon_for_mime_type (const char *mime_type)
{
  if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    return "image-x-generic-symbolic";
  return "x-office-document-symbolic";
}

static void
set_ready (GestDocumentThumbnail *self,
           gboolean               ready)
{
  gtk_widget_set_visible (self->picture, ready);
  gtk_widget_set_visible (self->icon, !ready);
  if (self->ready == ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestRenderedPage) page = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GestDocumentThumbnail *self;

  page = gest_render_queue_render_finish (result, &error);
  /* Dispose and set_file() cancel: a request that is not cancelled has a live widget. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = GEST_DOCUMENT_THUMBNAIL (user_data);
  g_clear_object (&self->cancellable);
  if (page == NULL)
    {
      /* The icon stays; the preview explains the problem when the document is opened. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), error->message);
      return;
    }

  texture = gdk_memory_texture_new (gest_rendered_page_get_width (page),
                                    gest_rendered_page_get_height (page),
                                    GDK_MEMORY_DEFAULT,
                                    gest_rendered_page_get_bytes (page),
                                    gest_rendered_page_get_stride (page));
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (texture));
  set_ready (self, TRUE);
}

/* A fixed box, whatever the page's shape, so rows and cards line up and do not jump when
 * the image arrives; the picture is scaled down into it. */
static void
gest_document_thumbnail_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  GestDocumentThumbnail *self = GEST_DOCUMENT_THUMBNAIL (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->width * 4 / 3;
}

static void
gest_document_thumbnail_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  GestDocumentThumbnail *self = GEST_DOCUMENT_THUMBNAIL (widget);

  gtk_widget_allocate (self->picture, width, height, baseline, NULL);
  gtk_widget_allocate (self->icon, width, height, baseline, NULL);
}

static void
gest_document_thumbnail_constructed (GObject *object)
{
  GestDocumentThumbnail *self = (GestDocumentThumbnail *) object;

  G_OBJECT_CLASS (gest_document_thumbnail_parent_class)->constructed (object);

  if (self->queue == NULL)
    self->queue = g_object_ref (gest_render_queue_get_default ());
  gtk_image_set_pixel_size (GTK_IMAGE (self->icon), MAX (16, self->width / 2));
}

static void
gest_document_thumbnail_dispose (GObject *object)
{
  GestDocumentThumbnail *self = (GestDocumentThumbnail *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->picture, gtk_widget_unparent);
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (gest_document_thumbnail_parent_class)->dispose (object);
}

static void
gest_document_thumbnail_finalize (GObject *object)
{
  GestDocumentThumbnail *self = (GestDocumentThumbnail *) object;

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (gest_document_thumbnail_parent_class)->finalize (object);
}

static void
gest_document_thumbnail_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GestDocumentThumbnail *self = GEST_DOCUMENT_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_thumbnail_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GestDocumentThumbnail *self = GEST_DOCUMENT_THUMBNAIL (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      self->queue = g_value_dup_object (value);
      break;
    case PROP_WIDTH:
      self->width = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_document_thumbnail_class_init (GestDocumentThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gest_document_thumbnail_constructed;
  object_class->dispose = gest_document_thumbnail_dispose;
  object_class->finalize = gest_document_thumbnail_finalize;
  object_class->get_property = gest_document_thumbnail_get_property;
  object_class->set_property = gest_document_thumbnail_set_property;

  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL, GEST_TYPE_RENDER_QUEUE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 16, 512, 96,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = gest_document_thumbnail_measure;
  widget_class->size_allocate = gest_document_thumbnail_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "gest-document-thumbnail");
}

static void
gest_document_thumbnail_init (GestDocumentThumbnail *self)
{
  self->width = 96;

  self->picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_widget_add_css_class (self->picture, "card");
  gtk_widget_set_halign (self->picture, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->picture, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->picture, GTK_WIDGET (self));

  self->icon = gtk_image_new_from_icon_name (icon_for_mime_type (NULL));
  gtk_widget_add_css_class (self->icon, "dim-label");
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  gtk_widget_set_visible (self->picture, FALSE);
}

GtkWidget *
gest_document_thumbnail_new (GestRenderQueue *queue,
                             int              width)
{
  g_return_val_if_fail (queue == NULL || GEST_IS_RENDER_QUEUE (queue), NULL);
  g_return_val_if_fail (width >= 16 && width <= 512, NULL);

  return g_object_new (GEST_TYPE_DOCUMENT_THUMBNAIL, "queue", queue, "width", width, NULL);
}

void
gest_document_thumbnail_set_file (GestDocumentThumbnail *self,
                                  const char            *path,
                                  const char            *cache_key,
                                  const char            *mime_type)
{
  g_return_if_fail (GEST_IS_DOCUMENT_THUMBNAIL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  self->path = g_strdup (path);

  gtk_picture_set_paintable (GTK_PICTURE (self->picture), NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_for_mime_type (mime_type));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  set_ready (self, FALSE);

  if (path == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gest_render_queue_render_width_async (self->queue, path, cache_key, 0, self->width,
                                        self->cancellable, render_done_cb, self);
}

int
gest_document_thumbnail_get_width (GestDocumentThumbnail *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_THUMBNAIL (self), 0);

  return self->width;
}

gboolean
gest_document_thumbnail_get_ready (GestDocumentThumbnail *self)
{
  g_return_val_if_fail (GEST_IS_DOCUMENT_THUMBNAIL (self), FALSE);

  return self->ready;
}
