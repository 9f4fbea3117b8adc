/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The error bookkeeping that GestMoneyRow and GestDateRow share (a plain struct, not a type):
 * a row shows either the message its owner set (a form's rule) or, once the user applied or
 * left it, its own (text that does not parse, a value out of bounds), through
 * gest_field_error_show(). The label is the one the owner gave, or one the row adds to its
 * group the first time it needs it. */
typedef struct
{
  GtkWidget *row;        /* borrowed: the row that embeds this struct */
  GtkLabel  *label;      /* weak: the label the message goes in */
  gboolean   owns_label; /* the row added @label to its group */
  char      *external;   /* the owner's message, or NULL */
  char      *own;        /* the row's own check, or NULL */
  gboolean   checked;    /* the user applied or left the row: show @own */
  char      *shown;      /* the message on screen, or NULL */
} GestRowError;

void        gest_row_error_init      (GestRowError *self,
                                      GtkWidget    *row);
/* Removes a label the row added, and frees the messages. Call from dispose. */
void        gest_row_error_clear     (GestRowError *self);
void        gest_row_error_set_label (GestRowError *self,
                                      GtkLabel     *label);
/* Each returns TRUE when the message shown changed. */
gboolean    gest_row_error_set_external (GestRowError *self,
                                         const char   *message);
gboolean    gest_row_error_set_own   (GestRowError *self,
                                      const char   *message);
gboolean    gest_row_error_set_checked (GestRowError *self,
                                        gboolean      checked);
const char *gest_row_error_get_shown (GestRowError *self);

G_END_DECLS
