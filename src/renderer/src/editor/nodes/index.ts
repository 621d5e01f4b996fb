import { MarkNode } from '@lexical/mark'
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table'
import { AttachmentNode } from './AttachmentNode'
import { PromptNode } from './PromptNode'
import { SectionHeadingNode } from './SectionHeadingNode'
import { SignatureNode } from './SignatureNode'
import { TitleNode } from './TitleNode'

/** Every node the report editor knows; the headless converters register the same list. MarkNode marks the text of a 批注. */
export const REPORT_NODES = [TitleNode, SectionHeadingNode, SignatureNode, AttachmentNode, PromptNode, TableNode, TableRowNode, TableCellNode, MarkNode]
