/**
 * The 公文 outline as Word numbers it automatically (一、 （一） 1. （1）), for tests and benchmarks
 * that need a .docx whose numbers are not typed.
 */
import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx'

export const OUTLINE_REFERENCE = 'outline'

export const OUTLINE_NUMBERING: INumberingOptions = {
  config: [
    {
      reference: OUTLINE_REFERENCE,
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
        { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT }
      ]
    }
  ]
}
