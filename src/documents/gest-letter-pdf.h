/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* A print-ready letter to a customer as a PDF (cairo + pango), from any thread: the dealer's
 * letterhead on every page, the place and date in Spanish, the folio, the addressee, the
 * subject, the body's paragraphs over as many pages as they need, the signature kept whole on
 * one page, and "Página 1 de 2" at the foot of each page.
 *
 * The letter's language is the customer's (Spanish), not the one of the user's interface: the
 * words it adds itself (the date, "Folio", "Asunto", "Página") are Spanish on purpose. */

typedef enum
{
  GEST_LETTER_PAPER_LETTER,   /* 8.5 × 11 in ("carta"), the default in Mexico */
  GEST_LETTER_PAPER_A4,
} GestLetterPaper;

/* The letterhead, from the dealer's settings (dealer.name, dealer.address, dealer.phones,
 * dealer.city: "Ciudad de México" when unset, dealer.paper: "a4" or "letter"). */
typedef struct
{
  char            *name;
  char            *address;
  char            *phones;
  char            *city;
  GestLetterPaper  paper;
} GestLetterHead;

GestLetterHead *gest_letter_head_load (GestStore      *store);
void            gest_letter_head_free (GestLetterHead *head);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestLetterHead, gest_letter_head_free)

/* One letter. Strings are borrowed UTF-8; NULL or "" leaves the part out. @recipient and
 * @signature are lines separated by "\n"; @body is Pango markup (resolve the template with
 * GEST_TEMPLATE_MARKUP), its paragraphs separated by blank lines. */
typedef struct
{
  const GestLetterHead *head;
  GDate                 date;
  const char           *folio;
  const char           *recipient;
  const char           *subject;
  const char           *body;
  const char           *signature;
} GestLetter;

/* "Ciudad de México, 6 de diciembre de 2026" (@city NULL: the date alone). */
char   *gest_letter_format_date (const char       *city,
                                 const GDate      *date);
/* The letter's PDF, or NULL with GEST_ERROR_INVALID (the body's markup is malformed) or
 * GEST_ERROR_STORE (cairo failed). */
GBytes *gest_letter_pdf_render  (const GestLetter *letter,
                                 GError          **error);
/* One PDF of @n_letters letters in a row (a batch to print), each starting on its own page
 * with its own page numbers ("Página 1 de 2" counts the letter's pages). */
GBytes *gest_letter_pdf_render_many (const GestLetter *letters,
                                     guint             n_letters,
                                     GError          **error);

G_END_DECLS
