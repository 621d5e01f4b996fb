import { expect, test } from '../fixtures/app'
import { EditorPage } from '../pages/EditorPage'

test('a report from the 年度工作总结 template: fields filled, prompts grey and flagged until the clerk types over them', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.newFromTemplate(/^年度工作总结/, { 单位名称: '某某县教育局', 年度: '2026', 撰写人: '张三', 日期: '2026年12月28日' })

  await expect(ed.title).toHaveText('某某县教育局2026年工作总结')
  await expect(ed.outline.getByRole('treeitem').first()).toHaveAttribute('aria-label', /^一、/)
  await expect(ed.content.locator('.signature-unit')).toHaveText('某某县教育局')
  await expect(ed.content.locator('.signature-date')).toHaveText('2026年12月28日')
  // The prompts are marked and grey, like the placeholder text of Word's content controls.
  const prompts = ed.content.locator('.template-prompt')
  await expect(prompts).toHaveCount(6)
  await expect(prompts.first()).toHaveText(/^（简要概述本年度工作的总体情况/)
  await expect(prompts.first()).toHaveCSS('color', 'rgb(138, 144, 153)')
  // 校对 does not say 没有发现问题 while they are in: each is a placeholder, and the filled fields are not.
  await app.page.getByRole('tab', { name: /校对/ }).click()
  const placeholders = app.page.locator('.check-item.rule-placeholder')
  await expect(placeholders).toHaveCount(6)
  await expect(app.page.getByText('没有发现问题')).toHaveCount(0)
  await expect(placeholders.first()).toContainText('模板提示语还在')

  // A click in a prompt selects all of it; typing replaces it with ordinary text.
  const first = ed.content.locator('.body-paragraph').filter({ has: app.page.locator('.template-prompt') }).first()
  await first.locator('.template-prompt').click()
  await expect.poll(() => app.page.evaluate(() => String(window.getSelection()))).toMatch(/^（简要概述本年度工作的总体情况.*）$/)
  await ed.compose('jinnian', '今年')
  await ed.type('，我局全面完成了年度目标任务。')
  await expect(ed.content.locator('.body-paragraph').first()).toHaveText('今年，我局全面完成了年度目标任务。')
  await expect(ed.content.locator('.body-paragraph').first().locator('.template-prompt')).toHaveCount(0)
  await expect(prompts).toHaveCount(5)
  await expect(placeholders).toHaveCount(5)
  // And it stays that way when the app reopens.
  await ed.waitSaved()
  await app.reload()
  await expect(ed.content.locator('.body-paragraph').first()).toHaveText('今年，我局全面完成了年度目标任务。')
  await expect(ed.content.locator('.template-prompt')).toHaveCount(5)

  // The same template with the unit left empty: the gap is flagged too.
  await ed.newFromTemplate(/^年度工作总结/, { 单位名称: '' })
  await app.page.getByRole('tab', { name: /校对/ }).click()
  await expect(app.page.locator('.check-item.rule-placeholder').filter({ hasText: '＿＿' }).first()).toBeVisible()
})

test('any report’s structure can be saved as the clerk’s own template', async ({ app }) => {
  const ed = new EditorPage(app.page)
  await ed.title.click()
  await ed.type('某某县教育局2025年安全工作专项总结')
  await ed.press('Enter')
  await ed.type('主要做法')
  await ed.press('Control+1')
  await ed.press('Enter')
  await ed.type('开展安全检查12次。')
  await ed.press('Enter')
  await ed.type('存在问题')
  await ed.press('Control+1')
  await ed.waitSaved()
  await app.page.getByRole('button', { name: '存为模板' }).click()
  const prompt = app.page.getByRole('dialog', { name: '存为模板' })
  await prompt.getByLabel('模板名称').fill('安全专项总结')
  await prompt.getByRole('button', { name: '确定' }).click()
  await expect(app.page.getByRole('status')).toContainText('已存为模板')

  await app.page.getByRole('button', { name: '新建' }).click()
  const dialog = app.page.getByRole('dialog', { name: '新建总结' })
  await dialog.getByRole('radio', { name: /安全专项总结/ }).check()
  await dialog.getByLabel('年度', { exact: true }).fill('2026')
  await dialog.getByRole('button', { name: '创建' }).click()
  await expect.poll(() => ed.outlineNames()).toEqual(['一、主要做法', '二、存在问题'])
  // The structure comes along, last year's text does not.
  await expect(ed.content).not.toContainText('开展安全检查12次')
  await expect(ed.title).toContainText('2026')
})
