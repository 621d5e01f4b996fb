import { z } from 'zod'
import { REPORT_KINDS, type Report, type Section } from './model'

/**
 * Runtime schema of the report model. Everything that crosses a trust boundary
 * (IPC payloads, backup files, database rows of unknown age) is parsed with it.
 * Bounds keep a hostile payload from exhausting memory in main.
 */
const text = (max: number) => z.string().max(max)

export const TextRunSchema = z.object({
  text: text(1_000_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  comments: z.array(text(100)).max(100).optional()
})

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), runs: z.array(TextRunSchema).max(10_000) }),
  z.object({
    type: z.literal('table'),
    rows: z.array(z.array(text(100_000)).max(100)).max(10_000),
    header: z.boolean().optional()
  })
])

export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: text(200),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    title: text(10_000),
    runIn: z.boolean(),
    sourceMarker: text(50).optional(),
    blocks: z.array(BlockSchema).max(100_000),
    children: z.array(SectionSchema).max(10_000),
    titleComments: z.array(text(100)).max(100).optional()
  })
)

export const ReportMetaSchema = z.object({
  title: text(1_000),
  kind: z.enum(REPORT_KINDS),
  period: text(200),
  unit: text(500),
  author: text(200),
  date: text(100),
  script: z.enum(['simplified', 'traditional'])
})

const CommentReplySchema = z.object({ id: text(100), author: text(200), at: z.number().finite(), text: text(100_000) })
export const CommentThreadSchema = CommentReplySchema.extend({ resolved: z.boolean().optional(), replies: z.array(CommentReplySchema).max(1_000) })

export const ReportSchema: z.ZodType<Report> = z.object({
  meta: ReportMetaSchema,
  preamble: z.array(BlockSchema).max(100_000),
  sections: z.array(SectionSchema).max(10_000),
  attachments: z.array(text(10_000)).max(1_000),
  signature: z.object({ unit: text(500), date: text(100) }).nullable(),
  comments: z.array(CommentThreadSchema).max(10_000).optional()
})
