"""The worksheets as XLSX and PDF files, blank or filled, and filled worksheets read back."""
