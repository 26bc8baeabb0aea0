target_sources(gatehouse_core PRIVATE
)
