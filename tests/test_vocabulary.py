"""The label vocabulary (taxonomy/mapping.csv): labels as 1993-2008 statements print them, in the
statement and section they sit in, land on the US-GAAP-aligned base concept."""

from __future__ import annotations

import pytest

from converter.mapping import MappingTable, normalise_label

# (statement kind, section heading as printed, row label as printed, concept)
PRINTED = [
    ("income", "", "Cost of sales", "CostOfRevenue"),
    ("income", "", "Cost of goods sold", "CostOfRevenue"),
    ("income", "", "Cost of products sold", "CostOfRevenue"),
    ("income", "", "Gross profit", "GrossProfit"),
    ("income", "", "Gross margin", "GrossProfit"),
    ("income", "", "Selling, general and administrative", "SellingGeneralAndAdministrativeExpense"),
    ("income", "", "Restructuring costs", "RestructuringCharges"),
    ("income", "", "Interest income", "InvestmentIncomeInterest"),
    ("income", "", "Interest expense", "InterestExpense"),
    ("income", "", "REVENUE", "Revenues"),
    ("income", "", "Net revenues", "Revenues"),
    ("income", "", "Sales", "Revenues"),
    ("income", "", "Income from operations", "OperatingIncomeLoss"),
    ("income", "", "Operating profit", "OperatingIncomeLoss"),
    ("income", "", "Earnings from Operations", "OperatingIncomeLoss"),
    (
        "income",
        "",
        "Income before income taxes",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
    ),
    (
        "income",
        "",
        "Income (loss) before provision for income taxes",
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
    ),
    ("income", "", "Provision for income taxes", "IncomeTaxExpenseBenefit"),
    ("income", "", "Income Taxes", "IncomeTaxExpenseBenefit"),
    ("income", "", "NET EARNINGS", "NetIncomeLoss"),
    ("income", "", "Net earnings (loss)", "NetIncomeLoss"),
    ("income", "", "Income (loss) from continuing operations", "IncomeLossFromContinuingOperations"),
    ("income", "", "Basic earnings (loss) per share", "EarningsPerShareBasic"),
    ("income", "", "Primary net income per share", "EarningsPerShareBasic"),
    ("income", "", "Net Earnings Per Share", "EarningsPerShareBasic"),
    ("income", "", "Diluted earnings per share", "EarningsPerShareDiluted"),
    ("income", "", "Fully diluted earnings per share", "EarningsPerShareDiluted"),
    ("income", "Earnings per share:", "Basic", "EarningsPerShareBasic"),
    ("income", "Net income per share:", "Diluted", "EarningsPerShareDiluted"),
    ("income", "Weighted average shares outstanding:", "Basic", "WeightedAverageNumberOfSharesOutstandingBasic"),
    (
        "income",
        "Weighted average common shares outstanding:",
        "Diluted",
        "WeightedAverageNumberOfDilutedSharesOutstanding",
    ),
    (
        "income",
        "",
        "Weighted average number of common shares outstanding",
        "WeightedAverageNumberOfSharesOutstandingBasic",
    ),
    ("balance", "", "Total liabilities and stockholders' equity", "LiabilitiesAndStockholdersEquity"),
    ("balance", "", "Total common stockholders' equity", "StockholdersEquity"),
    ("balance", "", "Long-term debt, less current portion", "LongTermDebtNoncurrent"),
    (
        "cashflow",
        "",
        "Net cash provided by (used in) operating activities",
        "NetCashProvidedByUsedInOperatingActivities",
    ),
    ("cashflow", "", "Cash used for investing activities", "NetCashProvidedByUsedInInvestingActivities"),
    (
        "cashflow",
        "",
        "Net cash (used in) provided by financing activities",
        "NetCashProvidedByUsedInFinancingActivities",
    ),
    # Banks
    ("income", "", "Total interest income", "InterestAndDividendIncomeOperating"),
    ("income", "", "Net interest income", "InterestIncomeExpenseNet"),
    ("income", "", "Provision for loan losses", "ProvisionForLoanLeaseAndOtherLosses"),
    ("income", "", "Total noninterest income", "NoninterestIncome"),
    ("income", "", "Total non-interest expenses", "NoninterestExpense"),
    ("balance", "", "Total deposits", "Deposits"),
    # Supplemental cash-flow disclosures: taxes and interest paid, not the expense
    ("cashflow", "Cash paid during the period for:", "Income taxes", "IncomeTaxesPaidNet"),
    ("cashflow", "Cash paid during the period for:", "Interest", "InterestPaidNet"),
    ("", "", "Income taxes paid", "IncomeTaxesPaidNet"),
    # Insurers and health plans
    ("income", "Revenues", "Premium", "PremiumsEarnedNet"),
    ("income", "", "Premiums earned", "PremiumsEarnedNet"),
    ("income", "", "Medical costs", "PolicyholderBenefitsAndClaimsIncurredNet"),
]


@pytest.mark.parametrize(("statement", "section", "label", "concept"), PRINTED, ids=[p[2] for p in PRINTED])
def test_a_printed_label_lands_on_its_base_concept(
    mapping_table: MappingTable, statement: str, section: str, label: str, concept: str
) -> None:
    sections = (normalise_label(section),) if section else ()
    rule = mapping_table.find(statement, sections, normalise_label(label))
    assert rule is not None and rule.concept == concept


def test_bare_basic_and_diluted_need_their_heading(mapping_table: MappingTable) -> None:
    """ "Basic" alone is a per-share amount or a share count: the heading it sits under decides."""
    assert mapping_table.find("income", (), "basic") is None


@pytest.mark.parametrize(
    "label",
    ["Net cash provided by operating activities", "Total stockholders' equity", "Total assets", "Total deposits"],
)
def test_unambiguous_totals_map_in_any_statement(mapping_table: MappingTable, label: str) -> None:
    """A statement whose caption is not recognised ("Statement of Consolidated Cash Flows" printed as a
    running head) still has its totals: these labels mean one thing wherever they stand."""
    assert mapping_table.find("", (), normalise_label(label)) is not None
