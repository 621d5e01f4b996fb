import type { Locator, Page } from '@playwright/test'

export class LibraryPage {
  readonly root: Locator
  readonly table: Locator
  readonly preview: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: '文档库' })
    this.table = page.getByRole('table', { name: '总结列表' })
    this.preview = page.getByRole('dialog', { name: '导入预览' })
  }

  async open(): Promise<void> {
    // The sidebar's button toggles: pressed again on the library, it goes back to the editor.
    if (await this.root.isVisible()) return
    await this.page.getByRole('button', { name: /^文档库/ }).click()
    await this.root.waitFor()
  }

  /** The rows rendered (the table renders those in view; spacer rows stand for the rest). */
  rows(): Locator {
    return this.table.locator('tbody tr.row')
  }

  row(title: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('button', { name: title, exact: true }) })
  }

  /** Opens a report from its row; done once the library has given way to the editor. */
  async openReport(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: title, exact: true }).click()
    // The editor stays mounted behind the library, so its state alone cannot say the switch is over.
    await this.root.waitFor({ state: 'detached' })
  }

  async titles(): Promise<string[]> {
    return this.rows().locator('td:first-child').allTextContents()
  }
}
